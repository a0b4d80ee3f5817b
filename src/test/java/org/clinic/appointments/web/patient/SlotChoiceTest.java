package org.clinic.appointments.web.patient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.ResourceBundle;

import jakarta.faces.model.SelectItem;

import org.clinic.appointments.application.SlotView;
import org.clinic.appointments.application.SlotView.State;
import org.junit.jupiter.api.Test;

/** The booking page's time choice: only a free slot can be chosen, and the others say why not. */
class SlotChoiceTest {

    private static final ResourceBundle TEXTS = ResourceBundle.getBundle("i18n.messages", Locale.ENGLISH);

    private static SelectItem choice(SlotView slot) {
        return BookingBacking.choice(slot, TEXTS::getString);
    }

    @Test
    void aFreeSlotIsOfferedByItsTime() {
        SelectItem item = choice(new SlotView("10:30", State.FREE));
        assertEquals("10:30", item.getValue());
        assertEquals("10:30", item.getLabel());
        assertFalse(item.isDisabled());
    }

    @Test
    void aTakenSlotSaysSoAndCannotBeChosen() {
        SelectItem item = choice(new SlotView("11:00", State.TAKEN));
        assertEquals("11:00", item.getValue());
        assertEquals("11:00 · taken", item.getLabel());
        assertTrue(item.isDisabled());
    }

    @Test
    void aSlotAlreadyBegunSaysSoAndCannotBeChosen() {
        SelectItem item = choice(new SlotView("09:00", State.PAST));
        assertEquals("09:00 · passed", item.getLabel());
        assertTrue(item.isDisabled());
    }
}
