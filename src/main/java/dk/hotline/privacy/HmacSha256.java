package dk.hotline.privacy;

import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256, used both to derive sub-keys and to compute blind indexes. */
final class HmacSha256 {
    static final String ALGORITHM = "HmacSHA256";

    private HmacSha256() {}

    /**
     * A fresh {@link Mac} per call: {@code Mac} is not thread-safe, and callers are singletons shared
     * by request threads. Creating one costs microseconds, far below a database round trip.
     */
    static byte[] compute(SecretKeySpec key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            // Every Java runtime must provide HmacSHA256, so this is a broken JDK, not bad input.
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
