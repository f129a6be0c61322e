package dk.hotline.bench;

import dk.hotline.testing.TestService;
import dk.hotline.twilio.TwilioSigner;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Files of webhooks signed as Twilio signs them, one a line ({@code path TAB signature TAB body}),
 * for {@code bench/signed-bodies.lua}. Call number {@code n} has CallSid {@code CA} + n in 32 hex
 * digits and comes from +4520 followed by n's last six digits, so a later step of the same call
 * can be made from the CallSid alone.
 */
final class SignedBodies {
    /** The first step: Twilio's request when a call comes in. */
    static final String FIRST_STEP = "/twilio/voice";

    private final String publicUrl;
    private final String authToken;

    SignedBodies(String publicUrl, String authToken) {
        this.publicUrl = publicUrl;
        this.authToken = authToken;
    }

    static String callSid(long n) {
        return "CA" + String.format(Locale.ROOT, "%032x", n);
    }

    static long callNumber(String callSid) {
        return Long.parseLong(callSid.substring(2), 16);
    }

    private static String from(long n) {
        return "+4520" + String.format(Locale.ROOT, "%06d", n % 1_000_000);
    }

    /** Calls {@code first} .. {@code first + count - 1} coming in. */
    Path firstSteps(Path file, long first, int count) {
        return write(file, first, count, n -> line(FIRST_STEP, TestService.incomingCall(callSid(n), from(n))));
    }

    /**
     * Each of these calls pressing {@code digits} in the menu whose {@code <Gather action>} is
     * {@code menuPath} (no digits: Twilio fetching that step, as after a {@code <Redirect>}).
     */
    Path menuPresses(Path file, String menuPath, List<String> callSids, String digits) {
        return write(file, 0, callSids.size(), i -> {
            long n = callNumber(callSids.get((int) i));
            var form = new LinkedHashMap<>(TestService.incomingCall(callSid(n), from(n)));
            form.put("CallStatus", "in-progress");
            if (!digits.isEmpty()) {
                form.put("Digits", digits);
            }
            return line(menuPath, form);
        });
    }

    private String line(String pathAndQuery, Map<String, String> form) {
        String signature = TwilioSigner.sign(authToken, publicUrl + pathAndQuery, form);
        String body = form.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return pathAndQuery + "\t" + signature + "\t" + body;
    }

    private interface Line {
        String of(long n);
    }

    private static Path write(Path file, long first, int count, Line line) {
        try {
            Files.createDirectories(file.getParent());
            try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                for (long n = first; n < first + count; n++) {
                    w.write(line.of(n));
                    w.write('\n');
                }
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
