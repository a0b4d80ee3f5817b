-- A doctor's taken times (the booking page's days) read from this index alone: with how long each slot is held in
-- it, no table page is read per slot. It still allows one appointment per slot, whatever the number of nodes.
DROP INDEX appointments_one_per_slot;
CREATE UNIQUE INDEX appointments_one_per_slot ON appointments (doctor_id, date, time) INCLUDE (live_until) WHERE takes_slot;
