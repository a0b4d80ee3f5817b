-- The clinic on PostgreSQL. Each record is kept whole, in the ledger's JSON form (record), beside the columns
-- that queries, indexes and constraints need; both are written in the same statement.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE clinic_settings (
    name  text PRIMARY KEY,
    value jsonb NOT NULL
);

CREATE TABLE doctors (
    id       text PRIMARY KEY,
    position bigserial NOT NULL,
    record   jsonb NOT NULL
);

CREATE TABLE photos (
    name    text PRIMARY KEY,
    content bytea NOT NULL
);

CREATE TABLE users (
    id        text COLLATE "C" PRIMARY KEY,
    email_key text NOT NULL,
    role      text NOT NULL,
    name      text COLLATE "C" NOT NULL,
    phone     text NOT NULL,
    record    jsonb NOT NULL
);
-- One account per address (by its identity key), across every node.
CREATE UNIQUE INDEX users_one_per_email ON users (email_key);
CREATE INDEX users_by_role_name ON users (role, lower(name), id);

-- The places patients hold in doctors' waitlists, as their accounts list them.
CREATE TABLE wait_requests (
    id        text COLLATE "C" PRIMARY KEY,
    user_id   text NOT NULL REFERENCES users (id),
    doctor_id text NOT NULL,
    joined_at timestamptz NOT NULL
);
CREATE INDEX wait_requests_by_doctor ON wait_requests (doctor_id, joined_at, id);
CREATE INDEX wait_requests_by_user ON wait_requests (user_id);

-- Text compared as Java compares it (code points, "C"), so orders are the same as the JSON store's.
CREATE TABLE appointments (
    id              text COLLATE "C" PRIMARY KEY,
    booking_order   bigserial NOT NULL,
    user_id         text NOT NULL,
    doctor_id       text COLLATE "C" NOT NULL,
    date            date NOT NULL,
    time            text NOT NULL,
    minute_of_day   integer NOT NULL,
    status          text COLLATE "C" NOT NULL,
    payment_status  text COLLATE "C",
    payment_method  text COLLATE "C",
    amount          numeric,
    booked_at       timestamptz,
    patient_name    text COLLATE "C",
    doctor_name     text COLLATE "C",
    patient_key     text NOT NULL,
    transaction_id  text,
    -- Confirmed, or awaiting payment: it keeps its slot from others until live_until (for ever when null).
    takes_slot      boolean NOT NULL,
    live_until      timestamptz,
    next_message_at timestamptz,
    record          jsonb NOT NULL
);
-- No double booking, whatever the number of nodes: one slot, one appointment that takes it.
CREATE UNIQUE INDEX appointments_one_per_slot ON appointments (doctor_id, date, time) WHERE takes_slot;
CREATE INDEX appointments_by_patient ON appointments (user_id, booking_order);
CREATE INDEX appointments_by_doctor_day ON appointments (doctor_id, date, booking_order);
-- The admin table's orders: each sort, then the slot, then the id (read backwards for descending).
CREATE INDEX appointments_by_slot ON appointments (date, minute_of_day, id);
CREATE INDEX appointments_by_doctor_slot ON appointments (doctor_id, date, minute_of_day, id);
CREATE INDEX appointments_by_booked ON appointments (booked_at NULLS FIRST, date, minute_of_day, id);
CREATE INDEX appointments_by_patient_name ON appointments (lower(patient_name) NULLS FIRST, date, minute_of_day, id);
CREATE INDEX appointments_by_doctor_name ON appointments (lower(doctor_name) NULLS FIRST, date, minute_of_day, id);
CREATE INDEX appointments_by_status ON appointments (status NULLS FIRST, date, minute_of_day, id);
CREATE INDEX appointments_by_payment ON appointments (coalesce(payment_status, '') NULLS FIRST, date, minute_of_day, id);
CREATE INDEX appointments_by_amount ON appointments (amount NULLS FIRST, date, minute_of_day, id);
CREATE INDEX appointments_by_payment_method ON appointments (payment_status, payment_method, date, minute_of_day, id);
CREATE INDEX appointments_due_messages ON appointments (next_message_at) WHERE next_message_at IS NOT NULL;
CREATE INDEX appointments_expiring_holds ON appointments (live_until) WHERE takes_slot AND live_until IS NOT NULL;
CREATE INDEX appointments_patient_text ON appointments USING gin (patient_key gin_trgm_ops);
CREATE INDEX appointments_by_transaction ON appointments (lower(transaction_id));
CREATE INDEX appointments_by_lower_id ON appointments (lower(id));

-- How many appointments, and how much money, for each doctor, status, payment status and method: kept by a
-- trigger in the same transaction as every change, so the dashboard's figures and totals need no count of the
-- whole table. Each database session adds to a shard of its own (its process id), so concurrent bookings do not
-- wait on one counter row; the figures are the sums over the shards.
CREATE TABLE appointment_counts (
    doctor_id      text COLLATE "C" NOT NULL,
    status         text COLLATE "C" NOT NULL,
    payment_status text COLLATE "C" NOT NULL,
    payment_method text COLLATE "C" NOT NULL,
    shard          smallint NOT NULL,
    appointments   bigint NOT NULL,
    amount         numeric NOT NULL,
    PRIMARY KEY (doctor_id, status, payment_status, payment_method, shard)
);

CREATE FUNCTION appointments_counted() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    my_shard smallint := pg_backend_pid() % 16;
BEGIN
    IF TG_OP <> 'INSERT' THEN
        INSERT INTO appointment_counts AS c VALUES (OLD.doctor_id, OLD.status, coalesce(OLD.payment_status, ''),
                coalesce(OLD.payment_method, ''), my_shard, -1, -coalesce(OLD.amount, 0))
            ON CONFLICT (doctor_id, status, payment_status, payment_method, shard)
            DO UPDATE SET appointments = c.appointments - 1, amount = c.amount - coalesce(OLD.amount, 0);
    END IF;
    IF TG_OP <> 'DELETE' THEN
        INSERT INTO appointment_counts AS c VALUES (NEW.doctor_id, NEW.status, coalesce(NEW.payment_status, ''),
                coalesce(NEW.payment_method, ''), my_shard, 1, coalesce(NEW.amount, 0))
            ON CONFLICT (doctor_id, status, payment_status, payment_method, shard)
            DO UPDATE SET appointments = c.appointments + 1, amount = c.amount + coalesce(NEW.amount, 0);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER appointments_counted_rows AFTER INSERT OR DELETE ON appointments
    FOR EACH ROW EXECUTE FUNCTION appointments_counted();
CREATE TRIGGER appointments_counted_changes AFTER UPDATE ON appointments
    FOR EACH ROW WHEN (OLD.doctor_id IS DISTINCT FROM NEW.doctor_id OR OLD.status IS DISTINCT FROM NEW.status
        OR OLD.payment_status IS DISTINCT FROM NEW.payment_status
        OR OLD.payment_method IS DISTINCT FROM NEW.payment_method OR OLD.amount IS DISTINCT FROM NEW.amount)
    EXECUTE FUNCTION appointments_counted();

-- The audit trail: every change of every appointment, in the order it was made.
CREATE TABLE appointment_changes (
    appointment_id text COLLATE "C" NOT NULL REFERENCES appointments (id),
    entry_index    integer NOT NULL,
    at             timestamptz,
    actor          text COLLATE "C",
    action         text COLLATE "C",
    entry          jsonb NOT NULL,
    PRIMARY KEY (appointment_id, entry_index)
);
CREATE INDEX appointment_changes_newest ON appointment_changes (at DESC, appointment_id DESC, entry_index DESC);
CREATE INDEX appointment_changes_by_actor ON appointment_changes (actor, at DESC, appointment_id DESC, entry_index DESC);
CREATE INDEX appointment_changes_by_action ON appointment_changes (action, at DESC, appointment_id DESC, entry_index DESC);

-- Every other change (accounts, doctors, schedule, specializations): who, when, what, and the new record.
CREATE TABLE clinic_changes (
    seq     bigserial PRIMARY KEY,
    at      timestamptz NOT NULL,
    actor   text NOT NULL,
    type    text NOT NULL,
    subject text,
    record  jsonb
);
