package dk.hotline.rota;

import dk.hotline.common.InvalidInputException;
import dk.hotline.common.Language;
import dk.hotline.privacy.InvalidPhoneNumberException;
import dk.hotline.privacy.PhoneNumber;
import java.util.Arrays;
import java.util.List;

/** A leader's fields as typed into a form or the API, checked: each refusal names its field. */
final class LeaderFields {
    private static final int MAX_NAME = 100;

    private LeaderFields() {}

    static String name(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidInputException("name", "required");
        }
        if (raw.trim().length() > MAX_NAME) {
            throw new InvalidInputException("name", "at most " + MAX_NAME + " characters");
        }
        return raw.trim();
    }

    static PhoneNumber phone(String raw) {
        try {
            return PhoneNumber.parse(raw);
        } catch (InvalidPhoneNumberException e) {
            throw new InvalidInputException("phone", e.getMessage());
        }
    }

    static List<Language> languages(List<String> raw) {
        var languages = raw.stream().map(code -> Language.fromCode(code).orElse(null)).distinct().toList();
        if (languages.isEmpty() || languages.contains(null)) {
            throw new InvalidInputException("languages", "one or more of "
                    + Arrays.stream(Language.values()).map(Language::code).sorted().toList());
        }
        return languages;
    }

    static String[] codes(List<Language> languages) {
        return languages.stream().map(Language::code).toArray(String[]::new);
    }
}
