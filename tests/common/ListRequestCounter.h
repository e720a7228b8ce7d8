#pragma once

#include <QHash>
#include <QNetworkAccessManager>

// A network access manager that counts the session-list requests it sends, and the most that were
// ever in flight at once for one account: what a test checks to prove that polls never overlap,
// seen from the wire rather than from the monitor's own bookkeeping.
class ListRequestCounter : public QNetworkAccessManager
{
    Q_OBJECT

public:
    using QNetworkAccessManager::QNetworkAccessManager;

    int sent() const { return m_sent; }
    int maxInFlightPerAccount() const { return m_maxInFlight; }

protected:
    QNetworkReply *createRequest(Operation op, const QNetworkRequest &request, QIODevice *data) override;

private:
    int m_sent = 0;
    int m_maxInFlight = 0;
    QHash<QString, int> m_inFlight;
};
