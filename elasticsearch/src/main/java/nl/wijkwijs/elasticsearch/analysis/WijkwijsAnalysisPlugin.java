package nl.wijkwijs.elasticsearch.analysis;

import static org.apache.lucene.analysis.compound.CompoundWordTokenFilterBase.DEFAULT_MAX_SUBWORD_SIZE;
import static org.apache.lucene.analysis.compound.CompoundWordTokenFilterBase.DEFAULT_MIN_SUBWORD_SIZE;
import static org.apache.lucene.analysis.compound.CompoundWordTokenFilterBase.DEFAULT_MIN_WORD_SIZE;
import static org.elasticsearch.plugins.AnalysisPlugin.requiresAnalysisSettings;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.compound.DictionaryCompoundWordTokenFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenFilter;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenizer;
import org.apache.lucene.analysis.ngram.NGramTokenFilter;
import org.apache.lucene.analysis.ngram.NGramTokenizer;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.elasticsearch.index.analysis.Analysis;
import org.elasticsearch.index.analysis.PreConfiguredTokenFilter;
import org.elasticsearch.index.analysis.TokenFilterFactory;
import org.elasticsearch.index.analysis.TokenizerFactory;
import org.elasticsearch.indices.analysis.AnalysisModule.AnalysisProvider;
import org.elasticsearch.plugins.AnalysisPlugin;
import org.elasticsearch.plugins.Plugin;

/**
 * The analysis components of Elasticsearch's analysis-common module that the Wijkwijs index
 * settings use (search/analysis.py and modelsearch's defaults), built on the same Lucene filters.
 * Elastic does not publish analysis-common to Maven Central; the server itself brings the
 * standard tokenizer and the stop, lowercase and shingle filters.
 *
 * <p>Only the parameters our settings use are read; an unknown stemmer language fails index creation.
 */
public final class WijkwijsAnalysisPlugin extends Plugin implements AnalysisPlugin {

    @Override
    public Map<String, AnalysisProvider<TokenFilterFactory>> getTokenFilters() {
        return Map.of(
            "stemmer", requiresAnalysisSettings((index, env, name, settings) -> {
                // Snowball class names: "dutch" -> org.tartarus.snowball.ext.DutchStemmer
                String language = settings.get("language", settings.get("name", "english"));
                String stemmer = language.substring(0, 1).toUpperCase(Locale.ROOT) + language.substring(1);
                try {
                    Class.forName("org.tartarus.snowball.ext." + stemmer + "Stemmer");
                } catch (ClassNotFoundException e) {
                    throw new IllegalArgumentException("[" + name + "]: unknown stemmer language [" + language + "]");
                }
                return filter(name, in -> new SnowballFilter(in, stemmer));
            }),
            "dictionary_decompounder", requiresAnalysisSettings((index, env, name, settings) -> {
                CharArraySet words = Analysis.getWordSet(env, settings, "word_list");
                if (words == null) {
                    throw new IllegalArgumentException("[" + name + "]: word_list or word_list_path is required");
                }
                int minWord = settings.getAsInt("min_word_size", DEFAULT_MIN_WORD_SIZE);
                int minSubword = settings.getAsInt("min_subword_size", DEFAULT_MIN_SUBWORD_SIZE);
                int maxSubword = settings.getAsInt("max_subword_size", DEFAULT_MAX_SUBWORD_SIZE);
                boolean longestOnly = settings.getAsBoolean("only_longest_match", false);
                return filter(name, in ->
                    new DictionaryCompoundWordTokenFilter(in, words, minWord, minSubword, maxSubword, longestOnly));
            }),
            "synonym_graph", requiresAnalysisSettings(
                (index, env, name, settings) -> new SynonymGraphFilterFactory(name, settings)),
            "ngram", (index, env, name, settings) -> filter(name,
                in -> new NGramTokenFilter(in, minGram(settings), maxGram(settings), preserveOriginal(settings))),
            "edge_ngram", (index, env, name, settings) -> filter(name,
                in -> new EdgeNGramTokenFilter(in, minGram(settings), maxGram(settings), preserveOriginal(settings))));
    }

    @Override
    public Map<String, AnalysisProvider<TokenizerFactory>> getTokenizers() {
        return Map.of(
            "ngram", (index, env, name, settings) ->
                TokenizerFactory.newFactory(name, () -> new NGramTokenizer(minGram(settings), maxGram(settings))),
            "edge_ngram", (index, env, name, settings) ->
                TokenizerFactory.newFactory(name, () -> new EdgeNGramTokenizer(minGram(settings), maxGram(settings))));
    }

    @Override
    public List<PreConfiguredTokenFilter> getPreConfiguredTokenFilters() {
        return List.of(PreConfiguredTokenFilter.singleton("asciifolding", true, ASCIIFoldingFilter::new));
    }

    private static int minGram(Settings settings) {
        return settings.getAsInt("min_gram", 1);
    }

    private static int maxGram(Settings settings) {
        return settings.getAsInt("max_gram", 2);
    }

    private static boolean preserveOriginal(Settings settings) {
        return settings.getAsBoolean("preserve_original", false);
    }

    private static TokenFilterFactory filter(String name, Function<TokenStream, TokenStream> create) {
        return new AbstractTokenFilterFactory(name) {
            @Override
            public TokenStream create(TokenStream tokenStream) {
                return create.apply(tokenStream);
            }
        };
    }
}
