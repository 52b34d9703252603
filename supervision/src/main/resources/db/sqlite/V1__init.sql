-- EnergyChain off-chain store, schema 1 (SQLite). Dates are epoch days (UTC), instants epoch millis.
-- Readings are keyed by small integer ids for plants and measurements to keep the big table compact.

CREATE TABLE plant_ref (
    id        INTEGER PRIMARY KEY,
    group_id  TEXT NOT NULL,
    plant_id  TEXT NOT NULL,
    UNIQUE (group_id, plant_id)
);

CREATE TABLE measurement_ref (
    id    INTEGER PRIMARY KEY,
    code  TEXT NOT NULL UNIQUE
);

CREATE TABLE period (
    id                INTEGER PRIMARY KEY,
    group_id          TEXT    NOT NULL,
    start_day         INTEGER NOT NULL,
    end_day           INTEGER NOT NULL,
    version           INTEGER NOT NULL,
    suite             TEXT    NOT NULL,
    salt_key          BLOB    NOT NULL,
    created_at        INTEGER NOT NULL,
    group_root        BLOB,
    plant_count       INTEGER,
    reading_count     INTEGER,
    UNIQUE (group_id, start_day, end_day, version)
);

CREATE INDEX period_by_group_day ON period (group_id, start_day, end_day);

-- One series per (period, plant): the reading key stays three small integers wide.
CREATE TABLE series (
    id         INTEGER PRIMARY KEY,
    period_id  INTEGER NOT NULL,
    plant_ref  INTEGER NOT NULL,
    UNIQUE (period_id, plant_ref)
);

CREATE TABLE reading (
    series       INTEGER NOT NULL,
    ts           INTEGER NOT NULL,
    measurement  INTEGER NOT NULL,
    value        TEXT    NOT NULL,
    PRIMARY KEY (series, ts, measurement)
) WITHOUT ROWID;

CREATE TABLE day_record (
    period_id      INTEGER NOT NULL,
    plant_ref      INTEGER NOT NULL,
    day            INTEGER NOT NULL,
    reading_count  INTEGER NOT NULL,
    root           BLOB    NOT NULL,
    leaf           BLOB    NOT NULL,
    PRIMARY KEY (period_id, plant_ref, day)
) WITHOUT ROWID;

CREATE TABLE plant_record (
    period_id  INTEGER NOT NULL,
    plant_ref  INTEGER NOT NULL,
    day_count  INTEGER NOT NULL,
    root       BLOB    NOT NULL,
    leaf       BLOB    NOT NULL,
    PRIMARY KEY (period_id, plant_ref)
) WITHOUT ROWID;

CREATE TABLE dataset (
    id                TEXT    PRIMARY KEY,
    period_id         INTEGER NOT NULL,
    cls               TEXT    NOT NULL,
    plant_id          TEXT,
    rule              TEXT    NOT NULL,
    hash              BLOB    NOT NULL,
    descriptive_info  BLOB    NOT NULL,
    payload           BLOB    NOT NULL
);

CREATE INDEX dataset_by_period ON dataset (period_id, cls);

CREATE TABLE destruction (
    id                INTEGER PRIMARY KEY,
    group_id          TEXT    NOT NULL,
    plant_id          TEXT,
    from_day          INTEGER NOT NULL,
    to_day            INTEGER NOT NULL,
    reason            TEXT    NOT NULL,
    at                INTEGER NOT NULL,
    readings_deleted  INTEGER NOT NULL
);

CREATE INDEX destruction_by_group ON destruction (group_id, id);

CREATE TABLE destruction_day (
    destruction_id    INTEGER NOT NULL,
    period_id         INTEGER NOT NULL,
    plant_id          TEXT    NOT NULL,
    day               INTEGER NOT NULL,
    readings_deleted  INTEGER NOT NULL,
    day_root          BLOB    NOT NULL,
    PRIMARY KEY (destruction_id, period_id, plant_id, day)
);

CREATE TABLE destruction_dataset (
    destruction_id  INTEGER NOT NULL,
    period_id       INTEGER NOT NULL,
    dataset_id      TEXT    NOT NULL,
    cls             TEXT    NOT NULL,
    hash            BLOB    NOT NULL,
    PRIMARY KEY (destruction_id, dataset_id)
);
