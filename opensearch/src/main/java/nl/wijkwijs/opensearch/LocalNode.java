package nl.wijkwijs.opensearch;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilder;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilderFactory;
import org.apache.logging.log4j.core.config.builder.impl.BuiltConfiguration;
import org.opensearch.Version;
import org.opensearch.common.logging.LogConfigurator;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.plugins.PluginInfo;

/**
 * Starts one OpenSearch node in this JVM, for local development and CI.
 *
 * <p>Instead of the distribution layout (bin/, modules/ with plugin descriptors, the
 * bootstrap with its root check and production bootstrap checks), the standard modules
 * we need are put on the classpath by Maven and registered here as "classpath plugins".
 * Every {@code key=value} argument becomes a node setting (opensearch.sh passes them).
 *
 * <p>The node runs until the process gets SIGTERM/SIGINT, then closes cleanly.
 */
public final class LocalNode extends Node {

    /** Module name, plugin class; modules whose jar is not on the classpath are skipped. */
    private static final String[][] MODULES = {
        {"transport-netty4", "org.opensearch.transport.Netty4ModulePlugin"},
        {"lang-painless", "org.opensearch.painless.PainlessModulePlugin"},
        {"analysis-common", "org.opensearch.analysis.common.CommonAnalysisModulePlugin"},
        {"mapper-extras", "org.opensearch.index.mapper.MapperExtrasModulePlugin"},
        {"reindex", "org.opensearch.index.reindex.ReindexModulePlugin"},
    };

    private LocalNode(Environment environment, Collection<PluginInfo> plugins) {
        super(environment, plugins, true);
    }

    private static List<PluginInfo> modulesOnClasspath() {
        List<PluginInfo> found = new ArrayList<>();
        for (String[] module : MODULES) {
            try {
                Class.forName(module[1], false, LocalNode.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                continue;
            }
            found.add(new PluginInfo(module[0], module[0] + " module", Version.CURRENT.toString(), Version.CURRENT,
                "21", module[1], null, Collections.emptyList(), false));
        }
        return found;
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

        // Log INFO and up to stdout (opensearch.sh sends stdout to .opensearch/logs/).
        ConfigurationBuilder<BuiltConfiguration> log = ConfigurationBuilderFactory.newConfigurationBuilder();
        log.add(log.newAppender("stdout", "Console").add(log.newLayout("PatternLayout")
            .addAttribute("pattern", "[%d{ISO8601}][%-5p][%-25c{1.}] %marker%m%n")));
        log.add(log.newRootLogger(Level.INFO).add(log.newAppenderRef("stdout")));
        LogConfigurator.registerErrorListener();
        Configurator.reconfigure(log.build());
        LogConfigurator.configureWithoutConfig(settings); // applies logger.* level settings

        String nodeName = settings.get("node.name", "local");
        Environment environment = InternalSettingsPreparer.prepareEnvironment(
            settings, Collections.emptyMap(), null, () -> nodeName);
        LocalNode node = new LocalNode(environment, modulesOnClasspath());

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
