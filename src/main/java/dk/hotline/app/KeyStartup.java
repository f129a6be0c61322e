package dk.hotline.app;

import dk.hotline.demo.DemoData;
import dk.hotline.followups.FollowupsModule;
import dk.hotline.groups.GroupsModule;
import dk.hotline.notes.NotesModule;
import dk.hotline.outbox.OutboxModule;
import dk.hotline.privacy.EncryptionKey;
import dk.hotline.privacy.KeyCheck;
import dk.hotline.privacy.Reseal;
import dk.hotline.privacy.ResealJob;
import dk.hotline.privacy.SealedTable;
import dk.hotline.privacy.Sealing;
import dk.hotline.rota.RotaModule;
import dk.hotline.scheduling.Jobs;
import dk.hotline.sms.SmsModule;
import dk.hotline.voice.VoiceModule;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The encryption keys at start: the current one (from the environment, or outside production the
 * data folder's file) and during a rotation the previous one; a start with a key that does not open
 * the stored data is refused ({@link KeyCheck}); and the job that re-seals old values under the
 * current key ({@link Reseal}) is scheduled.
 */
public final class KeyStartup {
    private static final Logger log = LoggerFactory.getLogger(KeyStartup.class);

    private KeyStartup() {}

    /** The sealing every feature uses; throws {@link ConfigException} (exit 2) when the key does not fit the data. */
    static Sealing start(HotlineConfig config, Jdbi jdbi, Jobs jobs, MeterRegistry metrics, Clock clock) {
        var current = config.secrets().encryptionKey().map(EncryptionKey::fromBase64)
                .orElseGet(() -> EncryptionKey.loadOrCreate(config.dataDir().resolve("encryption.key")));
        var previous = config.secrets().encryptionKeyPrevious().map(EncryptionKey::fromBase64);
        var sealing = Sealing.of(current, previous);
        try {
            KeyCheck.verify(jdbi, sealing.cipher(), sealedTables(), clock.instant());
        } catch (KeyCheck.WrongKeyException e) {
            throw new ConfigException("HOTLINE_ENCRYPTION_KEY: " + e.getMessage());
        }
        var reseal = new Reseal(jdbi, sealing, sealedTables(), metrics);
        long left = reseal.countLeft().values().stream().mapToLong(Long::longValue).sum();
        log.info("event=encryption.keys current={} previous={} reseal_left={}", current.idHex(),
                previous.map(EncryptionKey::idHex).orElse("none"), left);
        jobs.everyAfterAWhile(ResealJob.class, () -> new ResealJob(reseal), config.resealEvery());
        return sealing;
    }

    /** Every table with sealed values, as each feature declares them. */
    public static List<SealedTable> sealedTables() {
        return Stream.of(OutboxModule.SEALED, RotaModule.SEALED, FollowupsModule.SEALED, GroupsModule.SEALED,
                        SmsModule.SEALED, VoiceModule.SEALED, NotesModule.SEALED, DemoData.SEALED, List.of(KeyCheck.SEALED))
                .flatMap(List::stream).toList();
    }
}
