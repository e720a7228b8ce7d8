#include "ui/HistoryEventsPane.h"

#include "ui/HistoryTableModel.h"
#include "ui/WhoDidWhat.h"

#include <QHash>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace arr {

namespace {

// The history's event kinds for people; an unknown kind (a newer arrsm's) is shown as written.
QString kindText(const QString &kind)
{
    static const QHash<QString, const char *> names = {
        {u"created"_s, QT_TRANSLATE_NOOP("arr::HistoryEventsPane", "Created")},
        {u"ready"_s, QT_TRANSLATE_NOOP("arr::HistoryEventsPane", "Ready")},
        {u"extended"_s, QT_TRANSLATE_NOOP("arr::HistoryEventsPane", "Extended")},
        {u"stopped"_s, QT_TRANSLATE_NOOP("arr::HistoryEventsPane", "Stopped")},
        {u"expired"_s, QT_TRANSLATE_NOOP("arr::HistoryEventsPane", "Expired")},
        {u"failed"_s, QT_TRANSLATE_NOOP("arr::HistoryEventsPane", "Failed")},
        {u"disappeared"_s, QT_TRANSLATE_NOOP("arr::HistoryEventsPane", "Gone from the list")},
        {u"command-failed"_s, QT_TRANSLATE_NOOP("arr::HistoryEventsPane", "Command failed")},
        {u"long-running"_s, QT_TRANSLATE_NOOP("arr::HistoryEventsPane", "Alert: ready too long")},
        {u"keep-alive-ended"_s, QT_TRANSLATE_NOOP("arr::HistoryEventsPane", "Keep-alive ended")},
        {u"keep-alive-failed"_s, QT_TRANSLATE_NOOP("arr::HistoryEventsPane", "Keep-alive gave up")},
    };
    const char *name = names.value(kind);
    return name ? HistoryEventsPane::tr(name) : kind;
}

} // namespace

HistoryEventsPane::HistoryEventsPane(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_events(new QTreeWidget(this))
{
    m_title->setObjectName(u"historyEventsTitle"_s);
    m_events->setObjectName(u"historyEvents"_s);
    m_events->setRootIsDecorated(false);
    m_events->setHeaderLabels({tr("Time"), tr("Event"), tr("Detail"), tr("MS-CV"), tr("By")});
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_events);
}

void HistoryEventsPane::showEvents(const HistorySession &session, const QList<HistoryEvent> &events)
{
    m_title->setText(tr("Events of session %1 (%2)").arg(session.sessionId, session.account));
    m_events->clear();
    for (const HistoryEvent &event : events) {
        // Who sent a command ("unknown" for one from elsewhere, or from before the history kept who);
        // nobody for what a poll saw happen (ready, expired, gone).
        // Alerts say which program gave them.
        const bool command = event.kind == "created"_L1 || event.kind == "extended"_L1 || event.kind == "stopped"_L1
            || event.kind == "command-failed"_L1 || event.kind == "long-running"_L1
            || event.kind.startsWith("keep-alive-"_L1);
        const QString by = command ? who::actorText(event.actor) : QString();
        auto *item = new QTreeWidgetItem(
            m_events, {HistoryTableModel::timeText(event.at), kindText(event.kind), event.detail, event.msCv, by});
        // The kind as the history and the export spell it.
        item->setData(1, Qt::UserRole, event.kind);
        item->setToolTip(2, event.detail);
    }
    if (events.isEmpty())
        new QTreeWidgetItem(m_events, {QString(), tr("No events were recorded for this session.")});
    for (int column = 0; column < m_events->columnCount() - 1; ++column)
        m_events->resizeColumnToContents(column);
}

} // namespace arr
