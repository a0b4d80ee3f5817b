package org.clinic.appointments.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class UserInvitationTest {

    private static final Instant NOW = Instant.parse("2026-12-02T09:00:00Z");

    private static User invited() {
        User user = new User();
        user.setId("invited-1");
        user.setEmail("new.admin@clinic.example");
        user.setRole(Role.ADMIN);
        user.invite("hash-1", NOW, NOW.plusSeconds(3600), "admin-1");
        return user;
    }

    @Test
    void anInvitationIsOpenForItsTokenUntilItExpires() {
        User user = invited();
        assertTrue(user.invitationOpen("hash-1", NOW));
        assertTrue(user.invitationOpen("hash-1", NOW.plusSeconds(3599)));
        assertFalse(user.invitationOpen("hash-1", NOW.plusSeconds(3600)), "expired at its time");
        assertFalse(user.invitationOpen("hash-2", NOW), "another token");
        assertTrue(user.isWithoutPassword(), "nobody can sign in before it is used");
    }

    @Test
    void usingOrWithdrawingClosesIt() {
        User used = invited();
        used.acceptInvitation("pbkdf2-hash", NOW.plusSeconds(60));
        assertFalse(used.invitationOpen("hash-1", NOW));
        assertFalse(used.isInvited());
        assertFalse(used.isWithoutPassword());

        User withdrawn = invited();
        withdrawn.withdrawInvitation(NOW.plusSeconds(60), "admin-2");
        assertFalse(withdrawn.invitationOpen("hash-1", NOW));
        assertTrue(withdrawn.isWithoutPassword());
    }

    @Test
    void eachChangeIsKeptOnTheAccountWithWhoAndWhen() {
        User used = invited();
        used.acceptInvitation("pbkdf2-hash", NOW.plusSeconds(60));
        assertEquals(List.of(
                new AccountChange(NOW, "admin-1", ChangeType.ADMIN_INVITED, "new.admin@clinic.example"),
                new AccountChange(NOW.plusSeconds(60), "invited-1", ChangeType.INVITATION_ACCEPTED, null)),
                used.getChanges());

        User withdrawn = invited();
        withdrawn.withdrawInvitation(NOW.plusSeconds(90), "admin-2");
        assertEquals(new AccountChange(NOW.plusSeconds(90), "admin-2", ChangeType.INVITATION_WITHDRAWN, null),
                withdrawn.getChanges().get(1));
    }

    @Test
    void aSuspensionAndItsEndAreKeptAndTheEarlierRecordIsLeftAsItWas() {
        User patient = new User();
        patient.setId("patient-1");
        patient.setRole(Role.PATIENT);
        User suspended = patient.suspended(NOW, "admin-1");
        User back = suspended.reactivated(NOW.plusSeconds(3600), "admin-2");

        assertEquals(List.of(), patient.getChanges());
        assertEquals(List.of(new AccountChange(NOW, "admin-1", ChangeType.SUSPENDED, null)), suspended.getChanges());
        assertEquals(List.of(ChangeType.SUSPENDED, ChangeType.REACTIVATED),
                back.getChanges().stream().map(AccountChange::type).toList());
        assertEquals("admin-2", back.getChanges().get(1).getActor());
        assertThrows(BookingException.class, () -> back.reactivated(NOW, "admin-1"), "nothing to reactivate");
        assertEquals(2, back.getChanges().size(), "a refused change keeps nothing");
    }
}
