package dk.hotline.console;

import dk.hotline.common.Language;
import dk.hotline.common.NotFoundException;
import dk.hotline.privacy.AuditLog;
import dk.hotline.twilio.TwilioRecordings;
import dk.hotline.voice.Voicemail;
import dk.hotline.voice.Voicemails;
import dk.hotline.web.Actors;
import dk.hotline.web.Principal;
import io.javalin.config.RoutesConfig;
import io.javalin.http.BadGatewayResponse;
import io.javalin.http.Context;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code /api/voicemails}: messages callers left at a voicemail step, and their audio. The audio
 * is fetched from Twilio while it plays (never stored here); each listen is audited.
 */
public final class VoicemailApi {
    private final Jdbi jdbi;
    private final Voicemails voicemails;
    private final TwilioRecordings recordings;
    private final AuditLog audit;

    VoicemailApi(Jdbi jdbi, Voicemails voicemails, TwilioRecordings recordings, AuditLog audit) {
        this.jdbi = jdbi;
        this.voicemails = voicemails;
        this.recordings = recordings;
        this.audit = audit;
    }

    record View(long id, String callSid, int durationSeconds, Language language, String recordingStatus,
                Instant createdAt, Instant heardAt) {
        static View of(Voicemail v) {
            return new View(v.id(), v.callSid(), v.durationSeconds(), v.language(), v.recordingStatus().orElse(null),
                    v.createdAt(), v.heardAt().orElse(null));
        }
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/voicemails", this::list);
        routes.get("/api/voicemails/{id}/audio", this::audio);
    }

    private void list(Context ctx) {
        ctx.json(jdbi.inTransaction(tx -> voicemails.list(tx)).stream().map(View::of).toList());
    }

    private void audio(Context ctx) {
        long id = ctx.pathParamAsClass("id", Long.class).get();
        long coordinator = Principal.of(ctx).accountId();
        Voicemail voicemail = jdbi.inTransaction(tx -> voicemails.byId(tx, id))
                .orElseThrow(() -> new NotFoundException("no such voicemail"));
        if (voicemail.erased()) {
            throw new NotFoundException("voicemail " + id + " was erased after the retention period");
        }
        if (!recordings.live()) {
            throw new NotFoundException("no Twilio account configured (dry-run): recordings cannot be fetched");
        }
        TwilioRecordings.Audio audio;
        try {
            audio = recordings.mp3(voicemail.recordingSid())
                    .orElseThrow(() -> new NotFoundException("Twilio no longer has the recording of voicemail " + id));
        } catch (TwilioRecordings.RecordingUnavailable e) {
            throw new BadGatewayResponse(e.getMessage() + "; try again");
        }
        // Recorded before the first byte goes out: nobody hears a message without a trace.
        try {
            jdbi.useTransaction(tx -> {
                audit.revealed(tx, Actors.of(ctx), "voicemail:" + id, java.util.Optional.empty());
                voicemails.heard(tx, id);
            });
        } catch (RuntimeException e) {
            closeQuietly(audio);
            throw e;
        }
        ctx.header("Cache-Control", "no-store");
        ctx.header("Content-Disposition", "inline; filename=\"voicemail-" + id + ".mp3\"");
        ctx.contentType("audio/mpeg");
        ctx.result(audio.body());
    }

    private static void closeQuietly(TwilioRecordings.Audio audio) {
        try {
            audio.body().close();
        } catch (java.io.IOException e) {
            // The audit failed and that is what the caller learns; the stream only held a connection.
        }
    }
}
