package dk.hotline.routing;

import dk.hotline.common.Language;
import dk.hotline.rota.Leaders;
import dk.hotline.rota.OnCall;
import dk.hotline.rota.Rota;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/**
 * Who to ring now: the rota's leaders on shift, who are active and available, not on a call, not
 * in wrap-up, and not already rung for this call; the caller's language first, then whoever was
 * offered a call longest ago. Each chosen leader is reserved by an offer row in the caller's
 * transaction, under a per-leader lock, so two calls arriving together never ring one leader.
 */
public final class Router {
    /** Ringing stops by itself; an offer still "ringing" after this lost its callback. */
    private static final Duration STALE_RINGING = Duration.ofMinutes(10);
    private static final Duration STALE_ACCEPTED = Duration.ofHours(12);
    private static final Duration SWEEP_EVERY = Duration.ofSeconds(30);

    /** When this instance last ended stale offers. */
    private final AtomicReference<Instant> lastSweep = new AtomicReference<>(Instant.EPOCH);

    private final Rota rota;
    private final Leaders leaders;
    private final RoutingSettings settings;
    private final Clock clock;

    public Router(Rota rota, Leaders leaders, RoutingSettings settings, Clock clock) {
        this.rota = rota;
        this.leaders = leaders;
        this.settings = settings;
        this.clock = clock;
    }

    /** Picks and reserves leaders for a caller, ringing them for a call coming in or for the queue. */
    public RouteDecision route(Handle tx, String callSid, Language language, OfferKind kind) {
        Instant now = clock.instant();
        Instant wrapUpSince = now.minus(settings.wrapUp());
        expireStale(tx, now);
        List<OnCall> onCall = rota.onCallNow(tx, now);
        if (onCall.isEmpty()) {
            return new RouteDecision.NobodyOnCall();
        }
        var standing = RoutingQueries.standing(tx, onCall.stream().mapToLong(OnCall::id).toArray(), callSid, wrapUpSince);
        List<OnCall> candidates = onCall.stream()
                .filter(l -> !standing.get(l.id()).busy() && !standing.get(l.id()).rung())
                .toList();
        if (candidates.isEmpty()) {
            // Everyone free was rung for this call already and did not take it: waiting would not help.
            boolean anyBusy = standing.values().stream().anyMatch(RoutingQueries.Standing::busy);
            return anyBusy ? new RouteDecision.AllBusy() : new RouteDecision.NoAnswer();
        }
        int wanted = settings.strategy() == RoutingSettings.Strategy.SIMULTANEOUS ? settings.simultaneous() : 1;
        var offers = new ArrayList<Offer>();
        List<OnCall> next = ordered(candidates, standing, language);
        while (offers.size() < wanted && !next.isEmpty()) {
            // The first free of them locked and offered the call in one statement (calls routed at the
            // same moment would otherwise try the same leaders one round trip at a time); no offer to
            // one whom another instance gave an offer since we looked, and the next of them tried.
            var byId = next.stream().collect(Collectors.toMap(OnCall::id, l -> l));
            var locked = RoutingQueries.lockAndOffer(tx, next.stream().mapToLong(OnCall::id).toArray(),
                    wanted - offers.size(), callSid, kind.code(), now, wrapUpSince);
            if (locked.isEmpty()) {
                break;
            }
            for (var one : locked) {
                OnCall leader = byId.get(one.leaderId());
                one.offerId().ifPresent(offerId -> offers.add(new Offer(offerId, leader.id(), leader.name(), leaders.phone(leader))));
            }
            next = next.subList(next.indexOf(byId.get(locked.get(locked.size() - 1).leaderId())) + 1, next.size());
        }
        return offers.isEmpty() ? new RouteDecision.AllBusy() : new RouteDecision.Ring(List.copyOf(offers));
    }

    /**
     * Ends offers whose end Twilio never reported, at most every {@link #SWEEP_EVERY} per instance:
     * they count as stale only after minutes, so sweeping on every call bought nothing but a statement.
     */
    private void expireStale(Handle tx, Instant now) {
        Instant last = lastSweep.get();
        if (now.isBefore(last.plus(SWEEP_EVERY)) && !now.isBefore(last)) {
            return;
        }
        if (lastSweep.compareAndSet(last, now)) {
            RoutingQueries.expireStale(tx, now.minus(STALE_RINGING), now.minus(STALE_ACCEPTED), now);
        }
    }

    /** Whether anyone could take a call right now, without reserving anybody. */
    public boolean anyoneFree(Handle tx) {
        Instant now = clock.instant();
        long[] ids = rota.onCallNow(tx, now).stream().mapToLong(OnCall::id).toArray();
        return ids.length > 0 && RoutingQueries.standing(tx, ids, "", now.minus(settings.wrapUp())).values().stream()
                .anyMatch(standing -> !standing.busy());
    }

    /** The caller's language first, then whoever was offered a call longest ago (never: first), then by id. */
    private static List<OnCall> ordered(List<OnCall> candidates, Map<Long, RoutingQueries.Standing> standing,
                                        Language language) {
        // Each leader's keys worked out once, not in every comparison of the sort.
        return candidates.stream()
                .map(l -> new Ranked(l, l.languages().contains(language) ? 0 : 1,
                        Objects.requireNonNullElse(standing.get(l.id()).lastOffered(), Instant.EPOCH)))
                .sorted(Comparator.comparingInt(Ranked::otherLanguage).thenComparing(Ranked::lastOffered)
                        .thenComparingLong(r -> r.leader().id()))
                .map(Ranked::leader)
                .toList();
    }

    private record Ranked(OnCall leader, int otherLanguage, Instant lastOffered) {}
}
