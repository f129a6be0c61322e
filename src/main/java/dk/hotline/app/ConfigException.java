package dk.hotline.app;

/** A setting that is missing or wrong. The message names the key; it never echoes a secret. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
