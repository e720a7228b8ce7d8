#include "ui/WindowBanners.h"

#include "core/Clock.h"
#include "monitor/SessionMonitor.h"
#include "ui/MessageBar.h"
#include "ui/SessionTableModel.h"
#include "workspace/AccountManager.h"
#include "workspace/HistoryRecorder.h"
#include "workspace/Workspace.h"

#include <QBoxLayout>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace arr {

WindowBanners::WindowBanners(
    Workspace *workspace, SessionTableModel *model, std::function<void()> showAccounts, QWidget *parent)
    : QObject(parent)
    , m_workspace(workspace)
    , m_model(model)
    , m_showAccounts(std::move(showAccounts))
    , m_demoBar(new MessageBar(parent))
    , m_watchOnlyBar(new MessageBar(parent))
    , m_keyStorageBar(new MessageBar(parent))
    , m_problemsBar(new MessageBar(parent))
    , m_unreachableBar(new MessageBar(parent))
    , m_historyBar(new MessageBar(parent))
    , m_notificationBar(new MessageBar(parent))
{
    m_demoBar->setObjectName(u"demoBar"_s);
    m_watchOnlyBar->setObjectName(u"watchOnlyBar"_s);
    m_watchOnlyBar->setClosable(false);
    if (const QString why = m_workspace->watchOnlyReason(); !why.isEmpty())
        m_watchOnlyBar->showMessage(MessageBar::Kind::Information, why);
    m_keyStorageBar->setObjectName(u"keyStorageBar"_s);
    m_keyStorageBar->setClosable(false);
    m_problemsBar->setObjectName(u"problemsBar"_s);
    m_unreachableBar->setObjectName(u"unreachableBar"_s);
    // True until the next good poll: closing it would hide that the table is out of date.
    m_unreachableBar->setClosable(false);
    m_notificationBar->setObjectName(u"notificationBar"_s);
    m_historyBar->setObjectName(u"historyBar"_s);
    if (HistoryRecorder *history = m_workspace->history()) {
        connect(history, &HistoryRecorder::problemChanged, this, &WindowBanners::showHistoryProblem);
        showHistoryProblem(history->problem());
    }

    AccountManager *accounts = &m_workspace->accounts();
    connect(&m_workspace->monitor(), &SessionMonitor::accountHealthChanged, this,
        [this](const QString &account) { onAccountHealthChanged(account); });
    connect(accounts, &AccountManager::activeAccountsChanged, this, &WindowBanners::onAccountsChanged);
    connect(accounts, &AccountManager::keyStorageLost, this, &WindowBanners::updateAccountBars);
    connect(accounts, &AccountManager::problemsChanged, this, &WindowBanners::updateAccountBars);
    connect(
        m_problemsBar, &MessageBar::closed, this, [this] { m_dismissedProblems = m_workspace->accounts().problems(); });
    updateAccountBars();
}

void WindowBanners::addTo(QBoxLayout *layout)
{
    for (MessageBar *bar :
        {m_demoBar, m_watchOnlyBar, m_keyStorageBar, m_problemsBar, m_unreachableBar, m_historyBar, m_notificationBar})
        layout->addWidget(bar);
}

void WindowBanners::updateAccountBars()
{
    const AccountManager &accounts = m_workspace->accounts();
    if (m_workspace->isDemo()) {
        m_demoBar->showMessage(MessageBar::Kind::Information,
            tr("Demo mode: the built-in local emulator with made-up sessions. Your saved accounts are not loaded "
               "or changed; accounts added now last for this run only."));
    }
    if (!m_workspace->isDemo() && !accounts.keysArePersistent()) {
        // Said once; the keychain's own words (a D-Bus error) are behind Details and in the tooltip.
        m_keyStorageBar->showMessage(MessageBar::Kind::Warning,
            tr("No system keychain is available: account keys are kept in memory for this run only and must be "
               "entered again after a restart. They are never written to a file."));
        const QString reason = accounts.keyStorageProblem();
        m_keyStorageBar->setDetails(reason);
        m_keyStorageBar->setToolTip(reason);
    } else {
        m_keyStorageBar->hide();
    }
    const QStringList problems = accounts.problems();
    if (problems.isEmpty()) {
        m_problemsBar->hide();
        m_dismissedProblems.clear();
    } else if (problems != m_dismissedProblems) {
        m_problemsBar->showMessage(MessageBar::Kind::Warning, problems.join(u'\n'));
        // The short list sums up problems many accounts share; the details name each account.
        const QStringList details = accounts.problemDetails();
        m_problemsBar->setDetails(details == problems ? QString() : details.join(u'\n'));
        // An emulator that did not start or stopped is one click from running again; any other
        // problem is fixed in the accounts dialog.
        if (!accounts.emulatorProblem().isEmpty())
            m_problemsBar->setAction(
                tr("Start the emulator again"), [this] { m_workspace->accounts().restartEmulator(); });
        else
            m_problemsBar->setAction(tr("Accounts…"), m_showAccounts);
    }
}

void WindowBanners::showHistoryProblem(const QString &problem)
{
    if (problem.isEmpty()) {
        m_historyBar->hide();
        return;
    }
    m_historyBar->showMessage(MessageBar::Kind::Warning, problem);
}

void WindowBanners::onAccountHealthChanged(const QString &account)
{
    const AccountHealth health = m_workspace->monitor().health(account);
    // Rows exist only after a good poll; from the first failure after it they may be out of date.
    const bool unreachable = health.lastGoodPoll.isValid() && health.state != AccountHealth::State::Healthy
        && health.state != AccountHealth::State::Connecting;
    if (unreachable)
        m_unreachable.insert(account, m_workspace->clock()->now().addMSecs(health.nextPollInMs));
    else
        m_unreachable.remove(account);
    m_model->setAccountStale(account, unreachable ? health.lastGoodPoll : QDateTime());
    updateUnreachableBar();
}

void WindowBanners::onAccountsChanged()
{
    // Removed accounts take their rows and their staleness with them.
    const QStringList names = m_workspace->monitor().accountNames();
    for (const QString &account : m_unreachable.keys()) {
        if (!names.contains(account)) {
            m_unreachable.remove(account);
            m_model->setAccountStale(account, {});
        }
    }
    updateUnreachableBar();
}

void WindowBanners::updateUnreachableBar()
{
    if (m_unreachable.isEmpty()) {
        m_unreachableBar->hide();
        return;
    }
    const QLocale locale;
    const auto time
        = [&locale](const QDateTime &when) { return locale.toString(when.toLocalTime().time(), QLocale::ShortFormat); };
    QStringList lines;
    QStringList reasons;
    for (auto it = m_unreachable.cbegin(); it != m_unreachable.cend(); ++it) {
        const AccountHealth health = m_workspace->monitor().health(it.key());
        const QString retry = health.state == AccountHealth::State::Offline
            ? tr("it is asked again when the network returns")
            : tr("next retry at %1").arg(time(it.value()));
        lines.append(tr("%1 has not answered since %2 (%n failed poll(s)); %3.", nullptr, health.failures)
                         .arg(it.key(), time(health.lastGoodPoll), retry));
        reasons.append(u"%1: %2"_s.arg(it.key(), health.lastError.summary()));
    }
    lines.append(tr("Its sessions are shown dimmed, as they were then.", nullptr, int(m_unreachable.size())));
    m_unreachableBar->showMessage(MessageBar::Kind::Warning, lines.join(u'\n'));
    m_unreachableBar->setDetails(reasons.join(u'\n'));
    m_unreachableBar->setAction(tr("Retry now"), [this] {
        for (const QString &account : m_unreachable.keys())
            m_workspace->monitor().refresh(account);
    });
}

} // namespace arr
