package org.clinic.appointments.domain;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class UserInvitationTest {

    private static final Instant NOW = Instant.parse("2026-12-02T09:00:00Z");

    private static User invited() {
        User user = new User();
        user.setRole(Role.ADMIN);
        user.invite("hash-1", NOW.plusSeconds(3600), "admin-1");
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
        used.closeInvitation("pbkdf2-hash");
        assertFalse(used.invitationOpen("hash-1", NOW));
        assertFalse(used.isInvited());
        assertFalse(used.isWithoutPassword());

        User withdrawn = invited();
        withdrawn.closeInvitation(null);
        assertFalse(withdrawn.invitationOpen("hash-1", NOW));
        assertTrue(withdrawn.isWithoutPassword());
    }
}
