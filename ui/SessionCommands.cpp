#include "ui/SessionCommands.h"

#include "core/Inspector.h"
#include "monitor/LiveSessions.h"
#include "monitor/SessionMonitor.h"
#include "storage/AccountStore.h"
#include "storage/Settings.h"
#include "ui/AboutDialog.h"
#include "ui/AccountsDialog.h"
#include "ui/CreateSessionDialog.h"
#include "ui/ExtendSessionDialog.h"
#include "ui/KeepAliveDialog.h"
#include "ui/PreferencesDialog.h"
#include "ui/Prompter.h"
#include "ui/SessionStyle.h"
#include "ui/SessionsPage.h"
#include "workspace/AccountManager.h"
#include "workspace/KeepAliveManager.h"
#include "workspace/Workspace.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDesktopServices>

using namespace Qt::StringLiterals;

namespace arr {

namespace {

constexpr int StatusMessageMs = 8000;

bool isExtendable(int status)
{
    const auto s = SessionStatus(status);
    return s == SessionStatus::Ready || s == SessionStatus::Starting;
}

bool isStoppable(int status)
{
    const auto s = SessionStatus(status);
    return !isFinalStatus(s) && s != SessionStatus::Stopping;
}

QString withShortcut(const QString &tip, const QAction *action)
{
    return tip.arg(action->shortcut().toString(QKeySequence::NativeText));
}

} // namespace

SessionCommands::SessionCommands(Workspace *workspace, Prompter *prompter, SessionsPage *page, QWidget *window)
    : QObject(window)
    , m_workspace(workspace)
    , m_prompter(prompter)
    , m_page(page)
    , m_window(window)
{
    setObjectName(u"sessionCommands"_s);
    createActions();
    AccountManager *accounts = &m_workspace->accounts();
    connect(accounts, &AccountManager::activeAccountsChanged, this, [this, accounts] {
        m_emulator->setChecked(accounts->isEmulatorEnabled());
        updateActions();
    });
    connect(m_page, &SessionsPage::selectionChanged, this, &SessionCommands::updateActions);
    // An account marked read-only (or no longer) changes what may be done with its sessions.
    connect(&m_workspace->accountStore(), &AccountStore::accountsChanged, this, &SessionCommands::updateActions);
    connect(&m_workspace->monitor(), &SessionMonitor::commandFinished, this, &SessionCommands::onCommandFinished);
    updateActions();
}

SessionCommands::~SessionCommands() = default;

void SessionCommands::createActions()
{
    const auto make = [this](const QString &name, const QString &icon, const QString &text) {
        auto *action = icon.isEmpty() ? new QAction(text, this) : new QAction(style::icon(icon), text, this);
        action->setObjectName(name);
        return action;
    };
    m_newSession = make(u"newSessionAction"_s, u"new-session"_s, tr("&New session…"));
    m_newSession->setShortcut(QKeySequence::New);
    m_newSession->setToolTip(withShortcut(tr("Start a new session (%1)"), m_newSession));
    connect(m_newSession, &QAction::triggered, this, [this] { newSession(); });

    m_extend = make(u"extendAction"_s, u"extend"_s, tr("&Extend lease…"));
    m_extend->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_extend->setToolTip(withShortcut(tr("Extend the lease of the selected sessions (%1)"), m_extend));
    connect(m_extend, &QAction::triggered, this, [this] { extendSelected(); });

    m_keepAlive = make(u"keepAliveAction"_s, u"keep-alive"_s, tr("&Keep alive…"));
    m_keepAlive->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    m_keepAlive->setToolTip(withShortcut(
        tr("Extend the selected session automatically before its lease runs out, up to a limit (%1)"), m_keepAlive));
    connect(m_keepAlive, &QAction::triggered, this, [this] { keepAliveSelected(); });

    m_stop = make(u"stopAction"_s, u"stop"_s, tr("&Stop…"));
    m_stop->setShortcut(QKeySequence::Delete);
    m_stop->setToolTip(withShortcut(tr("Stop the selected sessions, after confirming (%1)"), m_stop));
    connect(m_stop, &QAction::triggered, this, &SessionCommands::stopSelected);

    m_refresh = make(u"refreshAction"_s, u"refresh"_s, tr("&Refresh"));
    m_refresh->setShortcut(QKeySequence::Refresh);
    m_refresh->setToolTip(withShortcut(tr("Ask every account for its sessions now (%1)"), m_refresh));
    connect(m_refresh, &QAction::triggered, this, &SessionCommands::refresh);

    m_accounts = make(u"accountsAction"_s, u"accounts"_s, tr("&Accounts…"));
    m_accounts->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    m_accounts->setToolTip(withShortcut(tr("Add, edit, remove, enable or disable accounts (%1)"), m_accounts));
    connect(m_accounts, &QAction::triggered, this, [this] { showAccounts(); });

    AccountManager *accounts = &m_workspace->accounts();
    m_emulator = make(u"emulatorAction"_s, {}, tr("Show the &local emulator"));
    m_emulator->setCheckable(true);
    m_emulator->setChecked(accounts->isEmulatorEnabled());
    m_emulator->setEnabled(accounts->hasEmulator() && !accounts->isEmulatorForced());
    connect(m_emulator, &QAction::toggled, this, [accounts](bool on) { accounts->setEmulatorEnabled(on); });

    m_preferences = make(u"preferencesAction"_s, {}, tr("&Preferences…"));
    m_preferences->setShortcut(QKeySequence::Preferences);
    m_preferences->setMenuRole(QAction::PreferencesRole);
    connect(m_preferences, &QAction::triggered, this, [this] { showPreferences(); });

    m_copyId = make(u"copyIdAction"_s, u"copy"_s, tr("Copy session &id"));
    m_copyId->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    connect(m_copyId, &QAction::triggered, this, [this] { copyFromSelection(false); });
    m_copyHostname = make(u"copyHostnameAction"_s, u"copy"_s, tr("Copy &hostname"));
    m_copyHostname->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H));
    connect(m_copyHostname, &QAction::triggered, this, [this] { copyFromSelection(true); });
    m_openInspector = make(u"openInspectorAction"_s, {}, tr("Open &Inspector"));
    m_openInspector->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    connect(m_openInspector, &QAction::triggered, this, &SessionCommands::openInspector);

    m_about = make(u"aboutAction"_s, {}, tr("&About ARR Session Manager"));
    m_about->setMenuRole(QAction::AboutRole);
    connect(m_about, &QAction::triggered, this, &SessionCommands::showAbout);
    m_newSessionTip = m_newSession->toolTip();
    m_extendTip = m_extend->toolTip();
    m_stopTip = m_stop->toolTip();
    m_keepAliveTip = m_keepAlive->toolTip();

    m_aboutQt = make(u"aboutQtAction"_s, {}, tr("About &Qt"));
    m_aboutQt->setMenuRole(QAction::AboutQtRole);
    connect(m_aboutQt, &QAction::triggered, qApp, &QApplication::aboutQt);
}

void SessionCommands::updateActions()
{
    const bool hasAccounts = !m_workspace->monitor().accountNames().isEmpty();
    m_newSession->setEnabled(hasAccounts);
    m_refresh->setEnabled(hasAccounts);
    const int extendable = int(m_page->selectedSessions(&isExtendable).size());
    const int stoppable = int(m_page->selectedSessions(&isStoppable).size());
    const QList<SessionRef> selected = m_page->selectedSessions();
    // A read-only account (or --read-only) disables what would change its sessions, and says why;
    // the application layer refuses them as well.
    QString readOnlyWhy;
    for (const SessionRef &ref : selected) {
        readOnlyWhy = m_workspace->readOnlyReason(ref.account);
        if (!readOnlyWhy.isEmpty())
            break;
    }
    QString createWhy;
    bool anyWritable = false;
    for (const QString &account : m_workspace->monitor().accountNames()) {
        const QString why = m_workspace->readOnlyReason(account);
        anyWritable = anyWritable || why.isEmpty();
        if (createWhy.isEmpty())
            createWhy = why;
    }
    if (hasAccounts && !anyWritable) {
        m_newSession->setEnabled(false);
        m_newSession->setToolTip(createWhy);
    } else {
        m_newSession->setToolTip(m_newSessionTip);
    }
    m_extend->setEnabled(extendable > 0 && readOnlyWhy.isEmpty());
    m_stop->setEnabled(stoppable > 0 && readOnlyWhy.isEmpty());
    m_extend->setToolTip(readOnlyWhy.isEmpty() ? m_extendTip : readOnlyWhy);
    m_stop->setToolTip(readOnlyWhy.isEmpty() ? m_stopTip : readOnlyWhy);
    // One session at a time: each has its own limit.
    m_keepAlive->setEnabled(extendable == 1 && selected.size() == 1 && readOnlyWhy.isEmpty());
    m_keepAlive->setToolTip(readOnlyWhy.isEmpty() ? m_keepAliveTip : readOnlyWhy);
    m_extend->setText(extendable > 1 ? tr("&Extend %n leases…", nullptr, extendable) : tr("&Extend lease…"));
    m_stop->setText(stoppable > 1 ? tr("&Stop %n sessions…", nullptr, stoppable) : tr("&Stop…"));
    m_copyId->setEnabled(selected.size() == 1);
    const Session *session = selected.size() == 1 ? m_page->sessionFor(selected.constFirst()) : nullptr;
    m_copyHostname->setEnabled(session && !session->hostname.isEmpty());
    const InspectorLink inspector = session ? inspectorLink(*session) : InspectorLink{};
    m_openInspector->setEnabled(inspector.isAvailable());
    m_openInspector->setToolTip(inspector.isAvailable()
            ? tr("Open %1 in the web browser").arg(inspector.url.toDisplayString())
            : session ? inspector.unavailableReason
                      : tr("Select a ready session to open it in the ARR Inspector."));
}

void SessionCommands::openInspector()
{
    const QList<SessionRef> selected = m_page->selectedSessions();
    const Session *session = selected.size() == 1 ? m_page->sessionFor(selected.constFirst()) : nullptr;
    const InspectorLink inspector = session ? inspectorLink(*session) : InspectorLink{};
    if (!inspector.isAvailable())
        return;
    if (!QDesktopServices::openUrl(inspector.url))
        Q_EMIT statusMessage(tr("No web browser opened %1").arg(inspector.url.toDisplayString()), StatusMessageMs);
}

void SessionCommands::copyFromSelection(bool hostname)
{
    const QList<SessionRef> selected = m_page->selectedSessions();
    const Session *session = selected.size() == 1 ? m_page->sessionFor(selected.constFirst()) : nullptr;
    if (!session)
        return;
    const QString text = hostname ? session->hostname : session->id;
    if (text.isEmpty())
        return;
    QGuiApplication::clipboard()->setText(text);
    Q_EMIT statusMessage(
        hostname ? tr("Copied hostname %1").arg(text) : tr("Copied session id %1").arg(text), StatusMessageMs);
}

CreateSessionDialog *SessionCommands::newSession()
{
    QList<Account> accounts;
    const QStringList monitored = m_workspace->monitor().accountNames();
    for (const Account &account : m_workspace->accounts().activeAccounts()) {
        if (monitored.contains(account.name))
            accounts.append(account);
    }
    Settings *settings = &m_workspace->settings();
    auto *dialog = new CreateSessionDialog(accounts, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const QList<SessionRef> selected = m_page->selectedSessions();
    dialog->setAccount(selected.isEmpty() ? settings->value(Settings::Key::LastCreateAccount).toString()
                                          : selected.constFirst().account);
    dialog->setSize(settings->value(Settings::Key::LastCreateSize).toString());
    dialog->setLease(TimeSpan::fromMinutes(settings->value(Settings::Key::LastCreateLeaseMinutes).toInt()));
    connect(dialog, &QDialog::accepted, this, [this, dialog, settings] {
        const QString account = dialog->account();
        const CreateSessionRequest request = dialog->request();
        settings->setValue(Settings::Key::LastCreateAccount, account);
        settings->setValue(Settings::Key::LastCreateSize, request.size);
        settings->setValue(Settings::Key::LastCreateLeaseMinutes, request.maxLease.totalMinutes());
        m_workspace->createSession(account, request);
        Q_EMIT statusMessage(tr("Creating a %1 session on %2…").arg(request.size, account), StatusMessageMs);
    });
    dialog->open();
    return dialog;
}

ExtendSessionDialog *SessionCommands::extendSelected()
{
    QList<ExtendTarget> targets;
    for (const SessionRef &ref : m_page->selectedSessions(&isExtendable)) {
        const Session *session = m_page->sessionFor(ref);
        if (!session || !session->maxLease)
            continue;
        targets.append({ref.account, ref.sessionId, *session->maxLease, m_page->remainingFor(ref)});
    }
    if (targets.isEmpty()) {
        Q_EMIT statusMessage(tr("Select a starting or ready session to extend."), StatusMessageMs);
        return nullptr;
    }
    auto *dialog = new ExtendSessionDialog(targets, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ExtendSessionDialog::keepAliveRequested, this, [this] { keepAliveSelected(); });
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const QList<ExtendTarget> chosen = dialog->targets();
        for (const ExtendTarget &target : chosen) {
            if (const auto lease = dialog->newLeaseFor(target))
                m_workspace->extendSession(target.account, target.sessionId, *lease);
        }
        Q_EMIT statusMessage(tr("Extending %n lease(s)…", nullptr, int(chosen.size())), StatusMessageMs);
    });
    dialog->open();
    return dialog;
}

KeepAliveDialog *SessionCommands::keepAliveSelected()
{
    const QList<SessionRef> selected = m_page->selectedSessions(&isExtendable);
    if (selected.size() != 1) {
        Q_EMIT statusMessage(tr("Select one starting or ready session to keep alive."), StatusMessageMs);
        return nullptr;
    }
    const SessionRef ref = selected.constFirst();
    const Session *session = m_page->sessionFor(ref);
    KeepAliveManager *keepAlive = &m_workspace->keepAlive();
    KeepAliveDialog::Target target{ref.account, ref.sessionId, session ? session->maxLease : std::nullopt,
        keepAlive->policy(ref.account, ref.sessionId)};
    auto *dialog = new KeepAliveDialog(target, m_workspace->clock(), m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, ref] {
        m_workspace->keepSessionAlive(ref.account, ref.sessionId, dialog->spec());
        Q_EMIT statusMessage(
            tr("Keeping session %1 alive %2.").arg(ref.sessionId, dialog->spec().describe()), StatusMessageMs);
    });
    connect(dialog, &KeepAliveDialog::cancelPolicyRequested, this, [this, keepAlive, ref] {
        keepAlive->cancel(ref.account, ref.sessionId);
        Q_EMIT statusMessage(
            tr("Session %1 is no longer kept alive; its lease stays as it is.").arg(ref.sessionId), StatusMessageMs);
    });
    dialog->open();
    return dialog;
}

QString SessionCommands::describeForConfirmation(const SessionRef &ref) const
{
    // Only what cannot change while the question is open: the table goes on updating behind it, and
    // a status or a time left copied into the text would soon contradict it.
    const Session *session = m_page->sessionFor(ref);
    if (!session || session->size.isEmpty())
        return tr("• %1 (%2)").arg(ref.sessionId, ref.account);
    return tr("• %1 (%2, %3)").arg(ref.sessionId, ref.account, session->size);
}

void SessionCommands::stopSelected()
{
    const QList<SessionRef> targets = m_page->selectedSessions(&isStoppable);
    if (targets.isEmpty()) {
        Q_EMIT statusMessage(tr("Select a session that is running to stop it."), StatusMessageMs);
        return;
    }
    QStringList lines;
    for (const SessionRef &ref : targets)
        lines.append(describeForConfirmation(ref));
    const QString text = tr("Stop %n session(s)? A stopped session cannot be restarted, and whoever is connected "
                            "to it is disconnected.",
                             nullptr, int(targets.size()))
        + u"\n\n"_s + lines.join(u'\n');
    const QString accept = targets.size() == 1 ? tr("Stop session %1").arg(targets.constFirst().sessionId)
                                               : tr("Stop %n sessions", nullptr, int(targets.size()));
    if (!m_prompter->confirm(m_window, tr("Stop sessions"), text, accept))
        return;
    // The answer comes later than the question: a session that ended or began stopping meanwhile
    // is left alone.
    int sent = 0;
    for (const SessionRef &ref : targets) {
        const Session *session = m_page->sessionFor(ref);
        if (!session || !isStoppable(int(session->status)))
            continue;
        m_workspace->stopSession(ref.account, ref.sessionId);
        ++sent;
    }
    if (sent == 0)
        Q_EMIT statusMessage(tr("Nothing to stop: the sessions ended while you were asked."), StatusMessageMs);
    else
        Q_EMIT statusMessage(tr("Stopping %n session(s)…", nullptr, sent), StatusMessageMs);
}

void SessionCommands::refresh()
{
    m_workspace->monitor().refresh();
    Q_EMIT statusMessage(tr("Refreshing…"), 2000);
}

AccountsDialog *SessionCommands::showAccounts()
{
    if (m_accountsDialog) {
        m_accountsDialog->raise();
        m_accountsDialog->activateWindow();
        return m_accountsDialog;
    }
    m_accountsDialog = new AccountsDialog(&m_workspace->accounts(), m_prompter, m_window);
    m_accountsDialog->setAttribute(Qt::WA_DeleteOnClose);
    m_accountsDialog->open();
    return m_accountsDialog;
}

PreferencesDialog *SessionCommands::showPreferences()
{
    auto *dialog = new PreferencesDialog(&m_workspace->settings(), m_workspace->accountStore().accounts(), m_window);
    const LiveSessions &sessions = m_workspace->monitor().sessions();
    QStringList sizes;
    for (int i = 0; i < sessions.count(); ++i)
        sizes.append(sessions.at(i).session.size);
    sizes.removeDuplicates();
    dialog->setAccounts(m_workspace->monitor().accountNames(), sizes);
    if (m_workspace->isDemo())
        dialog->showExamplePrices(Pricing::examplePrices());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        if (const std::optional<QString> password = dialog->teamPassword())
            m_workspace->saveHistoryPassword(dialog->teamHistory(), *password);
        Q_EMIT preferencesChanged();
    });
    dialog->open();
    return dialog;
}

void SessionCommands::showAbout()
{
    auto *dialog = new AboutDialog(m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void SessionCommands::onCommandFinished(const CommandOutcome &outcome)
{
    if (outcome.succeeded) {
        Q_EMIT statusMessage(outcome.description, StatusMessageMs);
        if (outcome.kind == CommandOutcome::Kind::Create && !outcome.sessionId.isEmpty())
            m_page->selectSession(outcome.account, outcome.sessionId);
        return;
    }
    QString title;
    QString context;
    switch (outcome.kind) {
    case CommandOutcome::Kind::Create:
        title = tr("Could not create a session");
        context = tr("Could not create a session on %1.").arg(outcome.account);
        break;
    case CommandOutcome::Kind::Extend:
        title = tr("Could not extend a lease");
        context = tr("Could not extend the lease of session %1 (%2).").arg(outcome.sessionId, outcome.account);
        break;
    case CommandOutcome::Kind::Stop:
        title = tr("Could not stop a session");
        context = tr("Could not stop session %1 (%2).").arg(outcome.sessionId, outcome.account);
        break;
    case CommandOutcome::Kind::KeepAlive:
        title = tr("Could not keep a session alive");
        context = tr("Could not keep session %1 (%2) alive.").arg(outcome.sessionId, outcome.account);
        break;
    }
    Q_EMIT statusMessage(outcome.description, StatusMessageMs);
    m_prompter->showError(m_window, title, context, outcome.result);
}

} // namespace arr
