package nl.wijkwijs.elasticsearch;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilder;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilderFactory;
import org.apache.logging.log4j.core.config.builder.impl.BuiltConfiguration;
import org.elasticsearch.common.logging.LogConfigurator;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.node.InternalSettingsPreparer;
import org.elasticsearch.node.Node;
import org.elasticsearch.plugins.PluginsLoader;

/**
 * Starts one Elasticsearch node in this JVM, for local development and CI.
 *
 * <p>The server runs from the class path; its modules (transport-netty4, wijkwijs-analysis) are
 * loaded from target/modules like the distribution's modules/ directory, each with a class loader
 * of its own. The bootstrap of the distribution (root check, bootstrap checks, entitlement agent,
 * native controller) is not involved. Every {@code key=value} argument becomes a node setting
 * (elasticsearch.sh passes them).
 *
 * <p>The node runs until the process gets SIGTERM/SIGINT, then closes cleanly.
 */
public final class LocalNode {

    /** target/modules beside target/elasticsearch-local-node.jar: one directory per module, built by the pom. */
    private static Path modulesDir() throws Exception {
        Path jar = Path.of(LocalNode.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return jar.resolveSibling("modules");
    }

    public static void main(String[] args) throws Exception {
        Settings.Builder builder = Settings.builder();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("expected key=value, got: " + arg);
            }
            builder.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        Settings settings = builder.build();

        ConfigurationBuilder<BuiltConfiguration> log = ConfigurationBuilderFactory.newConfigurationBuilder();
        log.add(log.newAppender("stdout", "Console").add(log.newLayout("PatternLayout")
            .addAttribute("pattern", "[%d{ISO8601}][%-5p][%-25c{1.}] %marker%m%n")));
        log.add(log.newRootLogger(Level.INFO).add(log.newAppenderRef("stdout")));
        // Log INFO and up to stdout (elasticsearch.sh sends stdout to .elasticsearch/logs/).
        LogConfigurator.registerErrorListener();
        Configurator.reconfigure(log.build());
        LogConfigurator.configureWithoutConfig(settings); // applies logger.* level settings

        String nodeName = settings.get("node.name", "local");
        Environment environment = InternalSettingsPreparer.prepareEnvironment(
            settings, Map.of(), null, () -> nodeName);
        // withServerExports=false: those exports are for a server running as a named Java module.
        PluginsLoader plugins = PluginsLoader.createPluginsLoader(
            PluginsLoader.loadModulesBundles(modulesDir(), false), Set.of(), Map.of(), false);
        Node node = new Node(environment, plugins);

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                node.close();
                node.awaitClose(20, TimeUnit.SECONDS);
            } catch (Exception e) {
                e.printStackTrace();
            } finally {
                stopped.countDown();
            }
        }, "local-node-shutdown"));

        node.start();
        stopped.await();
    }
}
