package org.clinic.appointments.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class UserOnlineAccessTest {

    private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");
    private static final Instant UNTIL = NOW.plus(Duration.ofHours(48));

    private static User walkIn() {
        return User.walkIn("w1", "Walk In", "+91 90000 11111", NOW.minusSeconds(3600), "admin-1");
    }

    @Test
    void aWalkInsLinkMakesTheAddressItWentToTheirsWithThePasswordTheyChose() {
        User offered = walkIn().onlineAccessOffered("walk.in@example.com", "hash-1", UNTIL, NOW, "admin-1");
        assertTrue(offered.isWalkIn(), "nothing changes until the link is used");
        assertTrue(offered.isWithoutPassword());
        assertEquals(UNTIL, offered.accessOfferedUntil());
        assertTrue(offered.resetOpen("hash-1", NOW.plusSeconds(60)));
        assertFalse(offered.resetOpen("hash-1", UNTIL), "run out");

        User taken = offered.passwordChosenByLink("pbkdf2:new", NOW.plusSeconds(60));
        assertEquals("walk.in@example.com", taken.getEmail());
        assertFalse(taken.isWalkIn());
        assertEquals("pbkdf2:new", taken.getPassword());
        assertTrue(taken.isEmailVerified(), "the link proved the address");
        assertNull(taken.getPendingEmail());
        assertNull(taken.accessOfferedUntil());
        assertFalse(taken.resetOpen("hash-1", NOW.plusSeconds(61)), "spent");
        assertEquals("w1", taken.getId(), "the same record, so the same appointments");
        List<AccountChange> changes = taken.getChanges();
        assertEquals(List.of(ChangeType.USER_REGISTERED.code(), ChangeType.ONLINE_ACCESS_OFFERED.code(),
                ChangeType.ONLINE_ACCESS_TAKEN.code()), changes.stream().map(AccountChange::getAction).toList());
        assertEquals("admin-1", changes.get(1).getActor());
        assertEquals("w1", changes.get(2).getActor(), "the patient chose the password");
    }

    @Test
    void aSecondLinkReplacesTheFirstAndItsAddress() {
        User again = walkIn().onlineAccessOffered("typo@example.con", "hash-1", UNTIL, NOW, "admin-1")
                .onlineAccessOffered("walk.in@example.com", "hash-2", UNTIL, NOW, "admin-1");
        assertFalse(again.resetOpen("hash-1", NOW), "the first link is worthless");
        assertEquals("walk.in@example.com", again.passwordChosenByLink("p", NOW).getEmail());
    }

    @Test
    void onlyAnActiveWalkInIsOfferedAccessAndAnAccountsLinkStaysAReset() {
        User account = new User();
        account.setId("u1");
        account.setEmail("asha@example.com");
        account.setRole(Role.PATIENT);
        assertEquals("patients.access.own_account", assertThrows(BookingException.class,
                () -> account.onlineAccessOffered("other@example.com", "h", UNTIL, NOW, "admin-1")).getMessageKey());
        User reset = account.withResetToken("h", UNTIL).passwordChosenByLink("p", NOW);
        assertEquals("asha@example.com", reset.getEmail());
        assertEquals(ChangeType.PASSWORD_RESET.code(), reset.getChanges().get(0).getAction());

        User suspended = walkIn().suspended(NOW, "admin-1");
        assertEquals("patients.access.suspended", assertThrows(BookingException.class,
                () -> suspended.onlineAccessOffered("w@example.com", "h", UNTIL, NOW, "admin-1")).getMessageKey());
        assertThrows(BookingException.class, () -> walkIn().passwordChosenByLink("p", NOW),
                "a walk-in without a link sent has no address to take");
    }
}
