package dk.hotline.sms;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dk.hotline.flows.FlowException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The words that make a whole text a {@link Keyword}, from {@code flows/sms.yaml}: read and
 * checked at startup, so a coordinator's typo stops the service with "file:line: what is wrong"
 * rather than a STOP going unheard. Matching folds case, accents and Danish letters on both sides.
 */
public final class SmsKeywords {
    static final String FILE = "sms.yaml";
    private static final String SURVIVOR = "survivor";
    private static final String LEADER = "leader";
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("[\\s\\p{Z}]+");
    private static final Pattern TRAILING = Pattern.compile("[\\s\\p{Z}.,!?…]+$");

    private final Map<String, Keyword> survivor;
    private final Map<String, Keyword> leader;

    private SmsKeywords(Map<String, Keyword> survivor, Map<String, Keyword> leader) {
        this.survivor = Map.copyOf(survivor);
        this.leader = Map.copyOf(leader);
    }

    /** Reads {@code sms.yaml} from the flows folder; a {@link FlowException} names file and line. */
    public static SmsKeywords load(Path flowsDir) {
        return new Reader(flowsDir.resolve(FILE)).read();
    }

    /** STOP, START, HELP, CALLBACK, GROUP, YES or NO when the whole text is one of their words. */
    public Optional<Keyword> survivorKeyword(String body) {
        return body == null ? Optional.empty() : Optional.ofNullable(survivor.get(fold(body)));
    }

    /** ON, OFF or STATUS when the whole text is one of their words. */
    public Optional<Keyword> leaderCommand(String body) {
        return body == null ? Optional.empty() : Optional.ofNullable(leader.get(fold(body)));
    }

    /**
     * The form words are compared in: upper case, Æ Ø Å as AE OE AA, other accents dropped,
     * compatibility forms (full-width letters, "…") as their plain ones, runs of spaces as one,
     * no trailing punctuation.
     */
    static String fold(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFC).toUpperCase(Locale.ROOT)
                .replace("Æ", "AE").replace("Ø", "OE").replace("Å", "AA");
        s = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFKD)).replaceAll("");
        s = TRAILING.matcher(s).replaceFirst("");
        return SPACES.matcher(s).replaceAll(" ").strip();
    }

    /** Walks the file's tokens, so every error can give the line of what it is about. */
    private static final class Reader {
        private static final YAMLFactory YAML = (YAMLFactory) new YAMLFactory()
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

        private final Path file;
        private final Map<String, Map<String, Keyword>> sections = new HashMap<>();
        private final Map<String, Set<Keyword>> seen = new HashMap<>();

        Reader(Path file) {
            this.file = file;
        }

        SmsKeywords read() {
            if (!Files.isRegularFile(file)) {
                throw new FlowException(file + ": file is missing (HOTLINE_FLOWS points at " + file.getParent() + ")");
            }
            try (JsonParser p = YAML.createParser(file.toFile())) {
                if (p.nextToken() != JsonToken.START_OBJECT) {
                    throw error(p, "expected a mapping with '" + SURVIVOR + "' and '" + LEADER + "'");
                }
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String section = p.currentName();
                    if (!section.equals(SURVIVOR) && !section.equals(LEADER)) {
                        throw error(p, section + ": unknown section; expected '" + SURVIVOR + "' or '" + LEADER + "'");
                    }
                    section(p, section);
                }
            } catch (JsonProcessingException e) {
                var where = e.getLocation();
                throw new FlowException(file + ":" + (where == null ? "?" : where.getLineNr()) + ": " + e.getOriginalMessage());
            } catch (IOException e) {
                throw new FlowException(file + ": " + e.getMessage());
            }
            for (Keyword k : Keyword.values()) {
                String section = k.isLeaderCommand() ? LEADER : SURVIVOR;
                if (!seen.getOrDefault(section, Set.of()).contains(k)) {
                    throw new FlowException(file + ": " + section + "." + k + ": missing; it needs at least one word");
                }
            }
            return new SmsKeywords(sections.get(SURVIVOR), sections.get(LEADER));
        }

        private void section(JsonParser p, String section) throws IOException {
            int line = line(p);
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw error(line, section + ": must be a mapping of keyword to words, e.g. STOP: [STOP, AFMELD]");
            }
            var words = sections.computeIfAbsent(section, s -> new HashMap<>());
            var keywords = seen.computeIfAbsent(section, s -> EnumSet.noneOf(Keyword.class));
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                Keyword keyword = keyword(p, section, name);
                keywords.add(keyword);
                for (Word word : words(p, section + "." + name)) {
                    String folded = fold(word.text());
                    if (folded.isEmpty()) {
                        throw error(word.line(), section + "." + name + ": '" + word.text() + "' has no letters to match");
                    }
                    Keyword before = words.putIfAbsent(folded, keyword);
                    if (before != null) {
                        throw error(word.line(), section + "." + name + ": '" + word.text() + "' is already a word for " + before);
                    }
                }
            }
        }

        private Keyword keyword(JsonParser p, String section, String name) {
            var allowed = Arrays.stream(Keyword.values())
                    .filter(k -> k.isLeaderCommand() == section.equals(LEADER)).toList();
            return allowed.stream().filter(k -> k.name().equals(name)).findFirst()
                    .orElseThrow(() -> error(p, section + "." + name + ": unknown keyword; expected one of " + allowed));
        }

        /** A word as written, and its line. */
        private record Word(String text, int line) {}

        /** A list of words, or one word alone. */
        private List<Word> words(JsonParser p, String path) throws IOException {
            JsonToken t = p.nextToken();
            if (t.isScalarValue() && t != JsonToken.VALUE_NULL) {
                return List.of(new Word(p.getText(), line(p)));
            }
            if (t != JsonToken.START_ARRAY) {
                throw error(p, path + ": must be a list of words, e.g. [STOP, AFMELD]");
            }
            var out = new ArrayList<Word>();
            for (t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                if (!t.isScalarValue() || t == JsonToken.VALUE_NULL || p.getText().isBlank()) {
                    throw error(p, path + ": each word must be a non-empty text");
                }
                // getText() is the word as written, also where YAML would read it as a boolean (ON, OFF).
                out.add(new Word(p.getText(), line(p)));
            }
            if (out.isEmpty()) {
                throw error(p, path + ": needs at least one word");
            }
            return out;
        }

        private static int line(JsonParser p) {
            return p.currentTokenLocation().getLineNr();
        }

        private FlowException error(JsonParser p, String message) {
            return error(line(p), message);
        }

        private FlowException error(int line, String message) {
            return new FlowException(file + ":" + line + ": " + message);
        }
    }
}
