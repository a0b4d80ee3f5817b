package org.clinic.appointments.infrastructure.ledger;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.clinic.appointments.domain.Appointment;
import org.clinic.appointments.domain.User;
import org.clinic.appointments.domain.WaitRequest;
import org.clinic.appointments.domain.WaitlistPlace;

/**
 * Each doctor's waitlist in arrival order, from the places stored on the patients' accounts. A place an offer was
 * made from is out of line even if the account still lists it (a crash between the offer and the account's line).
 */
final class WaitlistIndex {

    private static final Comparator<WaitlistPlace> ARRIVAL = Comparator
            .comparing((WaitlistPlace p) -> p.request().getJoinedAt()).thenComparing(p -> p.request().getId());

    private final Map<String, List<WaitlistPlace>> byDoctor = new HashMap<>();
    private final Set<String> offered = new HashSet<>();

    void rebuild(Collection<User> users, Collection<Appointment> appointments) {
        byDoctor.clear();
        offered.clear();
        for (Appointment a : appointments) {
            if (a.isWaitlistOffer()) {
                offered.add(a.getWaitlistEntry());
            }
        }
        users.forEach(this::put);
    }

    /** Takes an account's places as they are stored now. */
    void put(User user) {
        byDoctor.values().forEach(line -> line.removeIf(p -> p.userId().equals(user.getId())));
        for (WaitRequest request : user.getWaitlist()) {
            if (!offered.contains(request.getId())) {
                List<WaitlistPlace> line = byDoctor.computeIfAbsent(request.getDoctorId(), d -> new ArrayList<>());
                line.add(new WaitlistPlace(user.getId(), user.getName(), request));
                line.sort(ARRIVAL);
            }
        }
    }

    void offerMade(String requestId) {
        offered.add(requestId);
        byDoctor.values().forEach(line -> line.removeIf(p -> p.request().getId().equals(requestId)));
    }

    /** Who waits for this doctor on this day, first in line first. */
    List<WaitlistPlace> line(String doctorId, LocalDate date) {
        return byDoctor.getOrDefault(doctorId, List.of()).stream()
                .filter(p -> p.request().covers(doctorId, date)).toList();
    }
}
