package dk.hotline.rota;

import dk.hotline.common.Language;
import dk.hotline.privacy.PhoneNumber;
import java.util.List;

/** A group leader who can be rung and texted. */
public record Leader(long id, String name, PhoneNumber phone, List<Language> languages, boolean active, boolean available) {
    /** The language texts to this leader are written in: Danish if they speak it. */
    public Language textLanguage() {
        return languages.contains(Language.DANISH) ? Language.DANISH : Language.ENGLISH;
    }
}
