#include "ui/EmptyStatePage.h"

#include "ui/SessionStyle.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace arr {

EmptyStatePage::EmptyStatePage(QWidget *parent)
    : QWidget(parent)
    , m_headline(new QLabel(this))
    , m_text(new QLabel(this))
    , m_addAccount(new QPushButton(style::icon(u"accounts"_s), tr("Add an account…"), this))
    , m_emulator(new QPushButton(tr("Try the local emulator"), this))
    , m_newSession(new QPushButton(style::icon(u"new-session"_s), tr("New session…"), this))
    , m_editAccount(new QPushButton(style::icon(u"accounts"_s), tr("Edit account…"), this))
{
    setObjectName(u"emptyPage"_s);
    auto *icon = new QLabel(this);
    icon->setPixmap(style::appIcon().pixmap(64, 64));
    icon->setAlignment(Qt::AlignCenter);
    m_headline->setObjectName(u"emptyHeadline"_s);
    m_headline->setAlignment(Qt::AlignCenter);
    QFont headlineFont = m_headline->font();
    headlineFont.setPointSizeF(headlineFont.pointSizeF() * 1.4);
    headlineFont.setBold(true);
    m_headline->setFont(headlineFont);
    m_text->setObjectName(u"emptyText"_s);
    m_text->setWordWrap(true);
    m_text->setAlignment(Qt::AlignCenter);
    m_text->setFixedWidth(m_text->fontMetrics().averageCharWidth() * 72);
    m_addAccount->setObjectName(u"emptyAddAccountButton"_s);
    m_emulator->setObjectName(u"emptyEmulatorButton"_s);
    m_newSession->setObjectName(u"emptyNewSessionButton"_s);
    m_editAccount->setObjectName(u"emptyEditAccountButton"_s);
    m_editAccount->hide();
    connect(m_editAccount, &QPushButton::clicked, this, [this] { Q_EMIT editAccountClicked(m_accountToFix); });
    connect(m_addAccount, &QPushButton::clicked, this, &EmptyStatePage::addAccountClicked);
    connect(m_emulator, &QPushButton::clicked, this, &EmptyStatePage::emulatorClicked);
    connect(m_newSession, &QPushButton::clicked, this, &EmptyStatePage::newSessionClicked);

    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_editAccount);
    buttons->addWidget(m_addAccount);
    buttons->addWidget(m_emulator);
    buttons->addWidget(m_newSession);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addStretch(1);
    layout->addWidget(icon);
    layout->addWidget(m_headline);
    // Centred by stretches, not by an alignment flag, which would cost the label its height for
    // its width (the text would be cut).
    auto *textRow = new QHBoxLayout;
    textRow->addStretch(1);
    textRow->addWidget(m_text);
    textRow->addStretch(1);
    layout->addLayout(textRow);
    layout->addSpacing(12);
    layout->addLayout(buttons);
    layout->addStretch(2);
}

void EmptyStatePage::showNoAccounts(bool canUseEmulator)
{
    m_editAccount->hide();
    m_headline->setText(tr("No accounts yet"));
    m_text->setText(canUseEmulator
            ? tr("Add your remote-rendering account to see and manage its sessions here. Or try the built-in "
                 "local emulator first: it runs on this computer with demo sessions in every state, nothing to "
                 "set up.")
            : tr("Add your remote-rendering account to see and manage its sessions here."));
    m_emulator->setVisible(canUseEmulator);
    m_addAccount->show();
    m_newSession->hide();
}

void EmptyStatePage::showWaitingForAnswer(bool canUseEmulator)
{
    m_editAccount->hide();
    m_headline->setText(tr("Asking for sessions…"));
    m_text->setText(tr("Sessions appear here as soon as the service answers. The status bar below shows "
                       "how each account is doing; the request log shows every call."));
    m_emulator->setVisible(canUseEmulator);
    m_addAccount->hide();
    m_newSession->hide();
}

void EmptyStatePage::showAccountNeedsFixing(const QString &account, const QString &reason, bool canUseEmulator)
{
    m_accountToFix = account;
    m_headline->setText(tr("%1 cannot be asked for sessions").arg(account));
    m_text->setText(reason.isEmpty() ? tr("Its settings need correcting before anything can be asked.") : reason);
    m_editAccount->setText(tr("Edit %1…").arg(account));
    m_editAccount->show();
    m_emulator->setVisible(canUseEmulator);
    m_addAccount->hide();
    m_newSession->hide();
}

void EmptyStatePage::showNoSessions(bool canUseEmulator, const QString &newSessionShortcut)
{
    m_editAccount->hide();
    m_headline->setText(tr("No sessions"));
    m_text->setText(
        tr("None of your accounts has a session right now. Start one with New session (%1).").arg(newSessionShortcut));
    m_emulator->setVisible(canUseEmulator);
    m_addAccount->hide();
    m_newSession->show();
}

} // namespace arr
