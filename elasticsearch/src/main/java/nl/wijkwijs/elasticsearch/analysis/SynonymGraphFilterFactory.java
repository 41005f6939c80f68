package nl.wijkwijs.elasticsearch.analysis;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.text.ParseException;
import java.util.List;
import java.util.function.Function;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.util.CharsRef;
import org.apache.lucene.util.CharsRefBuilder;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.index.IndexService.IndexCreationContext;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.elasticsearch.index.analysis.CharFilterFactory;
import org.elasticsearch.index.analysis.CustomAnalyzer;
import org.elasticsearch.index.analysis.TokenFilterFactory;
import org.elasticsearch.index.analysis.TokenizerFactory;

/**
 * {@code synonym_graph} with inline {@code synonyms} in Solr format, {@code expand} and {@code lenient}.
 *
 * <p>As in Elasticsearch, the rules are analyzed by the tokenizer and the filters that come before
 * this one in the analyzer, so that "Wijkcentrum" in a rule matches what the chain makes of it.
 * Lenient skips the words the chain removes entirely (stop words) instead of failing.
 */
final class SynonymGraphFilterFactory extends AbstractTokenFilterFactory {

    private final List<String> rules;
    private final boolean expand;
    private final boolean lenient;

    SynonymGraphFilterFactory(String name, Settings settings) {
        super(name);
        this.rules = settings.getAsList("synonyms");
        this.expand = settings.getAsBoolean("expand", true);
        this.lenient = settings.getAsBoolean("lenient", false);
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        throw new IllegalStateException("[" + name() + "] is only usable inside an analyzer");
    }

    @Override
    public TokenFilterFactory getChainAwareTokenFilterFactory(
        IndexCreationContext context,
        TokenizerFactory tokenizer,
        List<CharFilterFactory> charFilters,
        List<TokenFilterFactory> previousTokenFilters,
        Function<String, TokenFilterFactory> allFilters
    ) {
        TokenFilterFactory[] chain = previousTokenFilters.stream()
            .map(TokenFilterFactory::getSynonymFilter)
            .toArray(TokenFilterFactory[]::new);
        SynonymMap synonyms;
        try (Analyzer analyzer = new CustomAnalyzer(tokenizer, charFilters.toArray(CharFilterFactory[]::new), chain)) {
            Parser parser = new Parser(expand, lenient, analyzer);
            parser.parse(new StringReader(String.join("\n", rules)));
            synonyms = parser.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParseException e) {
            throw new IllegalArgumentException("[" + name() + "]: invalid synonym rule: " + e.getMessage(), e);
        }
        return new AbstractTokenFilterFactory(name()) {
            @Override
            public TokenStream create(TokenStream tokenStream) {
                return synonyms.fst == null ? tokenStream : new SynonymGraphFilter(tokenStream, synonyms, false);
            }

            @Override
            public TokenFilterFactory getSynonymFilter() {
                return IDENTITY_FILTER;
            }
        };
    }

    private static final class Parser extends SolrSynonymParser {
        private final boolean lenient;

        Parser(boolean expand, boolean lenient, Analyzer analyzer) {
            super(true, expand, analyzer);
            this.lenient = lenient;
        }

        @Override
        public CharsRef analyze(String text, CharsRefBuilder reuse) throws IOException {
            try {
                return super.analyze(text, reuse);
            } catch (IllegalArgumentException e) {
                if (!lenient) {
                    throw e;
                }
                reuse.clear();
                return reuse.get();
            }
        }

        @Override
        public void add(CharsRef input, CharsRef output, boolean includeOrig) {
            if (!lenient || (input.length > 0 && output.length > 0)) {
                super.add(input, output, includeOrig);
            }
        }
    }
}
