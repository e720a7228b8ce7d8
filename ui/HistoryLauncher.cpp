#include "ui/HistoryLauncher.h"

#include "storage/AccountStore.h"
#include "storage/HistoryStore.h"
#include "storage/Settings.h"
#include "ui/HistoryWindow.h"
#include "ui/SessionStyle.h"
#include "workspace/AccountManager.h"
#include "workspace/HistoryRecorder.h"
#include "workspace/Workspace.h"

#include <QAction>
#include <QEvent>
#include <QThread>
#include <QWidget>

using namespace Qt::StringLiterals;

namespace arr {

HistoryLauncher::HistoryLauncher(Workspace *workspace, QWidget *mainWindow)
    : QObject(mainWindow)
    , m_workspace(workspace)
    , m_mainWindow(mainWindow)
    , m_action(new QAction(style::icon(u"history"_s), tr("&History…"), this))
{
    setObjectName(u"historyLauncher"_s);
    m_action->setObjectName(u"historyAction"_s);
    m_action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Y));
    m_action->setIconText(tr("History"));
    if (!m_workspace->history()) {
        m_action->setEnabled(false);
        m_action->setToolTip(tr("No history is kept in demo mode: its sessions are made up."));
    } else {
        m_action->setToolTip(tr("Past sessions, their billed time and cost (%1)")
                                 .arg(m_action->shortcut().toString(QKeySequence::NativeText)));
        connect(m_workspace->history(), &HistoryRecorder::historyChanged, this, [this] {
            if (m_window)
                m_window->refreshSoon();
        });
        connect(m_workspace->history(), &HistoryRecorder::problemChanged, this, [this](const QString &problem) {
            if (m_window)
                m_window->setRecorderProblem(problem);
        });
    }
    connect(m_action, &QAction::triggered, this, &HistoryLauncher::show);
}

void HistoryLauncher::show()
{
    if (!m_workspace->history())
        return;
    if (!m_window) {
        m_windowLocation = m_workspace->historyLocation();
        m_window = new HistoryWindow(m_windowLocation, m_workspace->clock(), m_mainWindow);
        m_window->restoreGeometry(m_workspace->settings().value(Settings::Key::HistoryWindowGeometry).toByteArray());
        m_window->installEventFilter(this);
        m_window->offerCopyToTeam(m_workspace->historyLocation().isTeam());
        connect(m_window, &HistoryWindow::copyToTeamRequested, this, &HistoryLauncher::copyToTeam);
    }
    m_window->setAccounts(m_workspace->accounts().savedAccounts());
    m_window->setPricing(m_workspace->savedPricing());
    m_window->setRecorderProblem(m_workspace->historyProblem());
    m_window->refresh();
    m_window->show();
    m_window->raise();
    m_window->activateWindow();
}

void HistoryLauncher::followLocation()
{
    if (!m_window || m_windowLocation == m_workspace->historyLocation())
        return;
    const bool showing = m_window->isVisible();
    saveSettings();
    // Out of the launcher's hands before it goes: its destruction sends events through the filter.
    HistoryWindow *old = m_window.data();
    m_window.clear();
    old->removeEventFilter(this);
    delete old;
    if (showing)
        show();
}

void HistoryLauncher::copyToTeam()
{
    if (m_copying)
        return;
    m_copying = true;
    m_window->setCopying(true);
    // Seconds for a large file, over the network: in a thread of its own, with what it needs copied.
    auto copied = std::make_shared<HistoryStore::CopyResult>();
    QThread *thread = QThread::create([copied, file = m_workspace->historyFile(), team = m_workspace->historyLocation(),
                                          accounts = m_workspace->accountStore().accounts()] {
        *copied = Workspace::copyHistory(file, team, accounts);
    });
    connect(thread, &QThread::finished, this, [this, thread, copied] {
        thread->deleteLater();
        m_copying = false;
        if (!m_window)
            return;
        m_window->setCopying(false);
        if (copied->ok)
            m_window->showCopyResult(true,
                tr("%n session(s) of this computer are in the team's history; ", nullptr, copied->sessions)
                    + tr("%n event(s) added.", nullptr, copied->events));
        else
            m_window->showCopyResult(false, tr("This computer's history could not be copied: %1").arg(copied->error));
    });
    thread->start(QThread::LowPriority);
}

void HistoryLauncher::saveSettings()
{
    if (m_window)
        m_workspace->settings().setValue(Settings::Key::HistoryWindowGeometry, m_window->saveGeometry());
}

bool HistoryLauncher::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_window && event->type() == QEvent::Hide)
        saveSettings();
    return QObject::eventFilter(watched, event);
}

} // namespace arr
