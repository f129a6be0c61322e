package dk.hotline.testing;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** A request body as Twilio's SDK sends it ({@code application/x-www-form-urlencoded}), read back into its fields. */
public final class FormBody {
    private FormBody() {}

    public static Map<String, String> parse(String body) {
        var form = new HashMap<String, String>();
        for (String pair : body.split("&")) {
            String[] kv = pair.split("=", 2);
            form.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv.length > 1 ? kv[1] : "", StandardCharsets.UTF_8));
        }
        return form;
    }
}
