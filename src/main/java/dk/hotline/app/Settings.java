package dk.hotline.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The YAML defaults flattened to dotted keys, each overridable by its environment variable.
 * Knowing both names for every key lets each error say where a bad value came from.
 */
final class Settings {
    /** Keys whose environment variable is not HOTLINE_ + the key (the names other systems already set: PORT, HOTLINE_FLOWS). */
    private static final Map<String, String> ENV_NAMES = Map.of("port", "PORT", "flows", "HOTLINE_FLOWS");
    /** Secrets are read only from the environment; one written into the YAML is an error. */
    private static final Set<String> SECRET_KEYS = Set.of("authtoken", "twilioauthtoken", "password", "adminpassword",
            "encryptionkey", "accountsid", "twilioaccountsid", "databaseurl", "secret", "apikey");

    private final Map<String, String> values;
    private final Map<String, String> env;

    private Settings(Map<String, String> values, Map<String, String> env) {
        this.values = values;
        this.env = env;
    }

    static Settings load(Path yaml, Map<String, String> env) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(yaml));
        } catch (IOException e) {
            throw new ConfigException("cannot read config file " + yaml + ": " + e.getMessage());
        }
        var flat = new LinkedHashMap<String, String>();
        if (root != null && !root.isMissingNode() && !root.isNull()) {
            flatten("", root, flat, yaml);
        }
        for (var key : flat.keySet()) {
            String leaf = key.substring(key.lastIndexOf('.') + 1).toLowerCase();
            if (SECRET_KEYS.contains(leaf)) {
                throw new ConfigException(yaml + ": '" + key + "' looks like a secret; secrets come only from the environment");
            }
        }
        return new Settings(flat, env);
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out, Path yaml) {
        if (!node.isObject()) {
            throw new ConfigException(yaml + ": expected a mapping at '" + (prefix.isEmpty() ? "(top)" : prefix) + "'");
        }
        node.fields().forEachRemaining(e -> {
            String key = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            if (e.getValue().isObject()) {
                flatten(key, e.getValue(), out, yaml);
            } else if (e.getValue().isArray()) {
                var joined = new StringBuilder();
                e.getValue().forEach(v -> joined.append(joined.length() == 0 ? "" : ",").append(v.asText()));
                out.put(key, joined.toString());
            } else {
                out.put(key, e.getValue().isNull() ? "" : e.getValue().asText());
            }
        });
    }

    /** HOTLINE_ + the key's path in upper snake case: outbox.maxAttempts → HOTLINE_OUTBOX_MAX_ATTEMPTS. */
    static String envName(String key) {
        if (ENV_NAMES.containsKey(key)) {
            return ENV_NAMES.get(key);
        }
        return "HOTLINE_" + key.replace('.', '_').replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase();
    }

    Set<String> keys() {
        return values.keySet();
    }

    /** The value after overrides, trimmed; "" when neither the file nor the environment sets it. */
    String get(String key) {
        if (!values.containsKey(key)) {
            throw new ConfigException("config/hotline.yaml has no key '" + key + "' (was it removed?)");
        }
        String fromEnv = env.get(envName(key));
        return (fromEnv != null ? fromEnv : values.get(key)).trim();
    }

    /** Where a key's value can be set, for error messages. */
    String describe(String key) {
        return key + " (" + envName(key) + ")";
    }

    /** An environment-only value (a secret or a connection string), trimmed, "" when unset. */
    String env(String name) {
        String v = env.get(name);
        return v == null ? "" : v.trim();
    }
}
