package dk.hotline.privacy;

import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256, used both to derive sub-keys and to compute blind indexes. */
final class HmacSha256 {
    static final String ALGORITHM = "HmacSHA256";

    private HmacSha256() {}

    /**
     * A {@link Mac} per thread: {@code Mac} is not thread-safe, and callers are singletons shared by
     * request threads. Looking one up among the security providers on every call cost more than
     * the HMAC itself; {@code init} with the call's key is cheap.
     */
    private static final ThreadLocal<Mac> MACS = ThreadLocal.withInitial(() -> {
        try {
            return Mac.getInstance(ALGORITHM);
        } catch (GeneralSecurityException e) {
            // Every Java runtime must provide HmacSHA256, so this is a broken JDK, not bad input.
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    });

    static byte[] compute(SecretKeySpec key, byte[] data) {
        try {
            Mac mac = MACS.get();
            mac.init(key);
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("an HmacSHA256 key was refused", e);
        }
    }
}
