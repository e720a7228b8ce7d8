#pragma once

#include <QString>

namespace arr {

// Where a session history is kept: this computer's SQLite file, or a team's PostgreSQL database named
// by a libpq-style URL, postgresql://user@host:port/dbname?sslmode=require. The password is never part
// of it: libpq finds it in PGPASSWORD or ~/.pgpass. Parts the URL leaves out (host, port, user,
// database) are libpq's defaults (PGHOST, PGPORT, PGUSER, PGDATABASE).
class HistoryLocation
{
public:
    enum class Kind {
        File,
        Postgres,
        // A URL that could not be read: error() says why.
        Invalid,
    };

    HistoryLocation() = default;
    static HistoryLocation file(const QString &filePath);
    // Reads a team database's URL; an Invalid location with a sentence in error() when it is not one.
    static HistoryLocation fromUrl(const QString &url);

    Kind kind() const { return m_kind; }
    bool isTeam() const { return m_kind == Kind::Postgres; }
    QString error() const { return m_error; }

    QString filePath() const { return m_filePath; }
    QString host() const { return m_host; }
    // -1 for libpq's default.
    int port() const { return m_port; }
    QString user() const { return m_user; }
    QString database() const { return m_database; }
    // Passed to libpq as they are ("sslmode=require connect_timeout=10"); empty for none.
    QString connectOptions() const { return m_connectOptions; }
    // The file's path, or the URL as a person reads it (never with a password).
    QString displayName() const;

    // The team database's password, from the keychain: held for this run only, never part of the URL or
    // a file. Empty for libpq's own (PGPASSWORD, ~/.pgpass).
    QString password() const { return m_password; }
    void setPassword(const QString &password) { m_password = password; }
    // The name of the keychain entry that holds the team database's password.
    QString secretName() const;
    // The URL of a team database from the fields of a form; an Invalid location (error() says why)
    // when they do not make one. `sslMode` empty for libpq's default.
    static HistoryLocation postgres(
        const QString &host, int port, const QString &database, const QString &user, const QString &sslMode);
    // libpq's sslmode the URL asks for; empty for its default.
    QString sslMode() const;

    // The same place reached the same way (the password included).
    bool operator==(const HistoryLocation &other) const;
    bool operator!=(const HistoryLocation &other) const { return !(*this == other); }

private:
    Kind m_kind = Kind::Invalid;
    QString m_error;
    QString m_filePath;
    QString m_host;
    int m_port = -1;
    QString m_user;
    QString m_database;
    QString m_connectOptions;
    QString m_password;
};

} // namespace arr
