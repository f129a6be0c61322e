package dk.hotline.rota;

import dk.hotline.common.Language;
import java.util.List;

/**
 * A leader who could take a call now (on shift, active, available), as routing weighs them: the
 * phone stays sealed until {@link Leaders#phone} opens it for the one who is rung, rather than
 * decrypting and parsing every leader's number on every call.
 */
public record OnCall(long id, String name, List<Language> languages, byte[] phoneSealed) {
    public OnCall {
        languages = List.copyOf(languages);
    }
}
