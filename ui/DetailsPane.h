#pragma once

#include "core/Session.h"
#include "storage/HistoryRecords.h"
#include "ui/SessionTableModel.h"

#include <QDateTime>
#include <QWidget>

#include <memory>
#include <optional>

namespace Ui {
class DetailsPane;
}

namespace arr {

// Everything the details pane shows about one session.
struct SessionDetails
{
    QString account;
    Session session;
    std::optional<TimeSpan> remaining;
    SessionTableModel::RemainingLevel level = SessionTableModel::RemainingLevel::Unknown;
    // Invalid when the lease's end is unknown.
    QDateTime leaseEndsAt;
    QByteArray lastMsCv;
    QString pendingCommand;
    // Who created, extended and stopped it (oldest first), as the history holds it; empty (shown as a
    // dash) before the history was asked, or without one.
    std::optional<QList<HistoryEvent>> actions;
};

// The selected session's every property, the MS-CV of the last call about it, buttons to copy its
// id, hostname and MS-CV, and one to open it in the ARR Inspector.
class DetailsPane : public QWidget
{
    Q_OBJECT

public:
    explicit DetailsPane(QWidget *parent = nullptr);
    ~DetailsPane() override;

    void showNothing();
    void showMultiple(int count);
    void showSession(const SessionDetails &details);
    // The countdown's tick: changes the remaining time (text and colour) and nothing else, and only
    // when what it shows changes.
    void showRemaining(const std::optional<TimeSpan> &remaining, SessionTableModel::RemainingLevel level);

    bool isShowingSession() const;
    QString sessionId() const { return m_details.session.id; }

Q_SIGNALS:
    // Something was put on the clipboard ("Copied the hostname").
    void copied(const QString &what);

private:
    void copy(const QString &text, const QString &what);
    // The inspector port's row and its Open Inspector button (enabled as inspectorLink() says).
    void showInspector(const Session &s);
    void setRemaining(const QString &text, SessionTableModel::RemainingLevel level, bool finished);
    // The "Created by" and "Changed by" rows.
    void showActions(const std::optional<QList<HistoryEvent>> &actions);

    std::unique_ptr<Ui::DetailsPane> m_ui;
    SessionDetails m_details;
    // What the remaining-time label shows, to leave it alone when a tick changes nothing.
    QString m_remainingText;
    SessionTableModel::RemainingLevel m_remainingLevel = SessionTableModel::RemainingLevel::Unknown;
};

} // namespace arr
