#include "ui/AccountsDialog.h"

#include "ui/AccountEditDialog.h"
#include "ui/Prompter.h"
#include "ui/SessionStyle.h"
#include "ui_AccountsDialog.h"
#include "workspace/AccountManager.h"

#include <QHeaderView>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace arr {

AccountsDialog::AccountsDialog(AccountManager *manager, Prompter *prompter, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::AccountsDialog>())
    , m_manager(manager)
    , m_prompter(prompter)
{
    m_ui->setupUi(this);
    m_ui->addButton->setIcon(style::icon(u"new-session"_s));
    const QFontMetrics metrics = m_ui->accountsTree->fontMetrics();
    m_ui->accountsTree->setColumnWidth(0, metrics.horizontalAdvance(u"Production account"_s) + 40);
    m_ui->accountsTree->setColumnWidth(1, metrics.horizontalAdvance(u"https://remoterendering.westeurope.example"_s));
    m_ui->accountsTree->header()->setStretchLastSection(true);
    m_ui->emulatorBox->setVisible(manager->hasEmulator());
    if (manager->isEmulatorForced()) {
        m_ui->emulatorBox->setEnabled(false);
        m_ui->emulatorBox->setToolTip(tr("Demo mode always shows the local emulator."));
    }

    connect(m_ui->addButton, &QPushButton::clicked, this, [this] { addAccount(); });
    connect(m_ui->editButton, &QPushButton::clicked, this, [this] { editAccount(selectedName()); });
    connect(m_ui->removeButton, &QPushButton::clicked, this, [this] { removeAccount(selectedName()); });
    connect(m_ui->accountsTree, &QTreeWidget::itemDoubleClicked, this,
        [this](QTreeWidgetItem *item) { editAccount(item->data(0, Qt::UserRole).toString()); });
    connect(m_ui->accountsTree, &QTreeWidget::itemSelectionChanged, this, &AccountsDialog::updateButtons);
    connect(m_ui->accountsTree, &QTreeWidget::itemChanged, this, [this](QTreeWidgetItem *item, int column) {
        if (m_reloading || column != 0)
            return;
        // Saving reloads the list, which deletes this item: not while its own signal is running.
        const QString name = item->data(0, Qt::UserRole).toString();
        const bool enabled = item->checkState(0) == Qt::Checked;
        QMetaObject::invokeMethod(
            this, [this, name, enabled] { m_manager->setAccountEnabled(name, enabled); }, Qt::QueuedConnection);
    });
    connect(m_ui->emulatorBox, &QCheckBox::toggled, this, [this](bool on) {
        if (!m_reloading)
            m_manager->setEmulatorEnabled(on);
    });
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(manager, &AccountManager::savedAccountsChanged, this, &AccountsDialog::reload);
    connect(manager, &AccountManager::problemsChanged, this, &AccountsDialog::reload);
    connect(manager, &AccountManager::keyStorageLost, this, &AccountsDialog::updateKeyStorage);
    reload();
    updateKeyStorage();
}

AccountsDialog::~AccountsDialog() = default;

void AccountsDialog::updateKeyStorage()
{
    if (m_manager->keysArePersistent()) {
        m_ui->keyStorageLabel->setText(tr("Account keys are stored in the system keychain, never in a settings file."));
        return;
    }
    QString text = tr("<b>No system keychain is available.</b> Account keys are kept in memory for this run only "
                      "and must be entered again after a restart; they are never written to a file.");
    if (!m_manager->keyStorageProblem().isEmpty())
        text += u"<br>"_s + m_manager->keyStorageProblem().toHtmlEscaped();
    m_ui->keyStorageLabel->setText(text);
}

void AccountsDialog::reload()
{
    const QString selected = selectedName();
    m_reloading = true;
    m_ui->accountsTree->clear();
    for (const Account &account : m_manager->savedAccounts()) {
        auto *item = new QTreeWidgetItem(m_ui->accountsTree);
        item->setText(0, account.name);
        item->setData(0, Qt::UserRole, account.name);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(0, account.enabled ? Qt::Checked : Qt::Unchecked);
        item->setToolTip(0, account.enabled ? tr("Watched") : tr("Not watched"));
        item->setText(1, account.endpoint.toString());
        item->setText(2, account.accountId);
        if (account.name == selected)
            m_ui->accountsTree->setCurrentItem(item);
    }
    m_ui->emulatorBox->setChecked(m_manager->isEmulatorEnabled());
    const QStringList problems = m_manager->problems();
    m_ui->problemsLabel->setText(problems.join(u'\n'));
    m_ui->problemsLabel->setVisible(!problems.isEmpty());
    m_reloading = false;
    updateButtons();
}

void AccountsDialog::updateButtons()
{
    const bool hasSelection = !selectedName().isEmpty();
    m_ui->editButton->setEnabled(hasSelection);
    m_ui->removeButton->setEnabled(hasSelection);
}

QString AccountsDialog::selectedName() const
{
    const QTreeWidgetItem *item = m_ui->accountsTree->currentItem();
    return item && item->isSelected() ? item->data(0, Qt::UserRole).toString() : QString();
}

void AccountsDialog::selectAccount(const QString &name)
{
    for (int i = 0; i < m_ui->accountsTree->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_ui->accountsTree->topLevelItem(i);
        if (item->data(0, Qt::UserRole).toString() == name) {
            m_ui->accountsTree->setCurrentItem(item);
            item->setSelected(true);
        }
    }
}

AccountEditDialog *AccountsDialog::openEditor(const QString &name)
{
    auto *editor = new AccountEditDialog(m_manager, name, this);
    editor->setAttribute(Qt::WA_DeleteOnClose);
    connect(editor, &QDialog::accepted, this, [this, editor] { selectAccount(editor->savedName()); });
    editor->open();
    return editor;
}

AccountEditDialog *AccountsDialog::addAccount()
{
    return openEditor({});
}

AccountEditDialog *AccountsDialog::editAccount(const QString &name)
{
    if (name.isEmpty())
        return nullptr;
    return openEditor(name);
}

void AccountsDialog::removeAccount(const QString &name)
{
    if (name.isEmpty())
        return;
    const bool agreed = m_prompter->confirm(this, tr("Remove account"),
        tr("Remove the account \"%1\" and delete its key from the keychain?\n\nSessions of the account keep "
           "running (and costing) on the service; they are only no longer shown here.")
            .arg(name),
        tr("Remove %1").arg(name));
    if (agreed)
        m_manager->removeAccount(name);
}

} // namespace arr
