#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QString>

namespace arr {

// One HTTP exchange as it went over the wire. Holds no secret: the Authorization header is never
// recorded and texts pass through redactSecrets().
struct RequestLogEntry
{
    QDateTime time;
    // The account's name, as the log shows it: a label that can change.
    QString account;
    // Which account of which service it was (Account::identity()): two accounts that bore the same
    // name at different times differ here, and a renamed account stays the same. Empty when the
    // caller did not know it.
    QString accountIdentity;
    QByteArray method;
    // Path and query of the URL, without host.
    QString path;
    // 0 when no answer arrived.
    int httpStatus = 0;
    int attempt = 1;
    qint64 durationMs = 0;
    QByteArray msCv;
    // Empty when the exchange succeeded.
    QString error;
    // Who asked for it when not the user ("keep-alive"); empty for the user's own commands and polls.
    QString origin;

    bool isError() const { return !error.isEmpty(); }
    // One tab-separated line, for a support ticket or a log file.
    QString toLine() const;
};

// Removes bearer credentials (a token, or the "id:key" sent to the token service) and JWT-shaped
// strings from a text.
QString redactSecrets(const QString &text);

// The record of every request the app made, newest last, bounded in size. Shared by all accounts.
class RequestLog : public QObject
{
    Q_OBJECT

public:
    explicit RequestLog(int capacity = 5000, QObject *parent = nullptr);

    void record(RequestLogEntry entry);
    // The entries kept, oldest first: at(0) .. at(size() - 1).
    qsizetype size() const { return m_entries.size(); }
    const RequestLogEntry &at(qsizetype index) const;
    int capacity() const { return m_capacity; }
    void clear();

Q_SIGNALS:
    void entryAdded(const arr::RequestLogEntry &entry);
    // The oldest `count` entries were dropped to stay within capacity.
    void entriesDropped(int count);
    void cleared();

private:
    // An equal text seen lately, shared, or `text` itself, remembered for the entries to come.
    template<typename Text> static Text recentCopy(QList<Text> &recent, const Text &text);

    // A ring once full: the newest entry takes the place of the oldest, at m_oldest. The memory stays
    // that of `capacity` entries; a list that dropped its front and grew at its end took twice that.
    QList<RequestLogEntry> m_entries;
    qsizetype m_oldest = 0;
    int m_capacity;
    // Each poll logs the same account, method and path as the one before it, thousands of times a
    // day: the entries share one copy of each instead of holding their own.
    QList<QString> m_recentTexts;
    // Apart from the texts, so that a few dozen accounts' identities do not push their paths out.
    QList<QString> m_recentIdentities;
    QList<QByteArray> m_recentMethods;
};

} // namespace arr

Q_DECLARE_METATYPE(arr::RequestLogEntry)
