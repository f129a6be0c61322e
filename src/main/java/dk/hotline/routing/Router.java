package dk.hotline.routing;

import dk.hotline.common.Language;
import dk.hotline.rota.Leader;
import dk.hotline.rota.Leaders;
import dk.hotline.rota.Rota;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
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
        var dao = tx.attach(OfferDao.class);
        dao.expireStale(now.minus(STALE_RINGING), now.minus(STALE_ACCEPTED), now);
        List<Leader> available = leaders.availableAmong(tx, rota.leadersOnShift(tx, now));
        if (available.isEmpty()) {
            return new RouteDecision.NobodyOnCall();
        }
        long[] ids = available.stream().mapToLong(Leader::id).toArray();
        var busy = new HashSet<>(dao.busyAmong(ids, now.minus(settings.wrapUp())));
        var alreadyRung = new HashSet<>(dao.offeredFor(callSid));
        List<Leader> candidates = available.stream()
                .filter(l -> !busy.contains(l.id()) && !alreadyRung.contains(l.id()))
                .toList();
        if (candidates.isEmpty()) {
            // Everyone free was rung for this call already and did not take it: waiting would not help.
            return busy.isEmpty() ? new RouteDecision.NoAnswer() : new RouteDecision.AllBusy();
        }
        int wanted = settings.strategy() == RoutingSettings.Strategy.SIMULTANEOUS ? settings.simultaneous() : 1;
        var offers = new ArrayList<Offer>();
        for (Leader leader : ordered(dao, candidates, language)) {
            if (offers.size() == wanted) {
                break;
            }
            // Locked, then checked again: another instance may have committed an offer since we looked.
            if (dao.tryLock(leader.id()) && dao.busyAmong(new long[] {leader.id()}, now.minus(settings.wrapUp())).isEmpty()) {
                dao.insert(callSid, null, leader.id(), kind.code(), now)
                        .ifPresent(id -> offers.add(new Offer(id, leader.id(), leader.name(), leader.phone())));
            }
        }
        return offers.isEmpty() ? new RouteDecision.AllBusy() : new RouteDecision.Ring(List.copyOf(offers));
    }

    /** Whether anyone could take a call right now, without reserving anybody. */
    public boolean anyoneFree(Handle tx) {
        Instant now = clock.instant();
        List<Leader> available = leaders.availableAmong(tx, rota.leadersOnShift(tx, now));
        long[] ids = available.stream().mapToLong(Leader::id).toArray();
        return ids.length > tx.attach(OfferDao.class).busyAmong(ids, now.minus(settings.wrapUp())).size();
    }

    private static List<Leader> ordered(OfferDao dao, List<Leader> candidates, Language language) {
        var last = new HashMap<Long, Instant>();
        dao.lastOffered(candidates.stream().mapToLong(Leader::id).toArray())
                .forEach(l -> last.put(l.leaderId(), l.lastOffered()));
        return candidates.stream()
                .sorted(Comparator.<Leader, Boolean>comparing(l -> !l.languages().contains(language))
                        .thenComparing(l -> last.getOrDefault(l.id(), Instant.EPOCH))
                        .thenComparing(Leader::id))
                .toList();
    }
}
