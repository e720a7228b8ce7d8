#include "ui/DetailsPane.h"

#include "core/Inspector.h"
#include "ui/SessionStyle.h"
#include "ui/WhoDidWhat.h"
#include "ui/WrappingValue.h"
#include "ui_DetailsPane.h"

#include <QClipboard>
#include <QDesktopServices>
#include <QGuiApplication>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace arr {

namespace {

QString orDash(const QString &text)
{
    return text.isEmpty() ? u"–"_s : text;
}

QString spanText(const std::optional<TimeSpan> &span)
{
    return span ? span->toDisplayString() : u"–"_s;
}

} // namespace

DetailsPane::DetailsPane(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::DetailsPane>())
{
    m_ui->setupUi(this);
    // The rows are in a scroll area (DetailsPane.ui): in a short window, beside a tall request log,
    // they scroll rather than being squeezed on top of each other. Tab goes to the values inside it,
    // each of which the scroll area brings into view, not to the area itself.
    QFont title = m_ui->titleLabel->font();
    title.setBold(true);
    m_ui->titleLabel->setFont(title);
    for (QToolButton *button : {m_ui->copyIdButton, m_ui->copyHostnameButton, m_ui->copyMsCvButton}) {
        button->setIcon(style::icon(u"copy"_s));
        button->setToolButtonStyle(Qt::ToolButtonIconOnly);
    }
    m_ui->remainingValue->setAutoFillBackground(true);
    // The countdown's colour hugs its text rather than filling the row.
    m_ui->remainingValue->setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Preferred);
    m_ui->remainingValue->setContentsMargins(4, 0, 4, 0);
    // Ids, hostnames and MS-CVs are long single tokens: shown whole (WrappingValue wraps them
    // anywhere), selectable, named for screen readers by their captions.
    m_ui->idValue->setAccessibleName(tr("Session ID"));
    m_ui->hostnameValue->setAccessibleName(tr("Hostname"));
    m_ui->msCvValue->setAccessibleName(tr("MS-CV of the last call"));
    connect(m_ui->copyIdButton, &QToolButton::clicked, this,
        [this] { copy(m_details.session.id, tr("Copied session id %1").arg(m_details.session.id)); });
    connect(m_ui->copyHostnameButton, &QToolButton::clicked, this,
        [this] { copy(m_details.session.hostname, tr("Copied hostname %1").arg(m_details.session.hostname)); });
    connect(m_ui->copyMsCvButton, &QToolButton::clicked, this, [this] {
        const QString msCv = QString::fromLatin1(m_details.lastMsCv);
        copy(msCv, tr("Copied MS-CV %1").arg(msCv));
    });
    connect(m_ui->openInspectorButton, &QPushButton::clicked, this, [this] {
        const InspectorLink inspector = inspectorLink(m_details.session);
        if (inspector.isAvailable())
            QDesktopServices::openUrl(inspector.url);
    });
    showNothing();
}

DetailsPane::~DetailsPane() = default;

void DetailsPane::copy(const QString &text, const QString &what)
{
    if (text.isEmpty())
        return;
    QGuiApplication::clipboard()->setText(text);
    Q_EMIT copied(what);
}

bool DetailsPane::isShowingSession() const
{
    return m_ui->pages->currentWidget() == m_ui->detailsPage;
}

void DetailsPane::showNothing()
{
    m_details = {};
    m_ui->placeholderLabel->setText(tr("Select a session to see its details."));
    m_ui->pages->setCurrentWidget(m_ui->placeholderPage);
}

void DetailsPane::showMultiple(int count)
{
    m_details = {};
    m_ui->placeholderLabel->setText(tr("%n sessions selected.\nExtend and Stop apply to all of them.", nullptr, count));
    m_ui->pages->setCurrentWidget(m_ui->placeholderPage);
}

void DetailsPane::showSession(const SessionDetails &details)
{
    m_details = details;
    const Session &s = details.session;
    const QLocale locale;
    m_ui->accountValue->setText(details.account);
    const auto setToken = [](WrappingValue *value, const QString &text) { value->setValue(text); };
    setToken(m_ui->idValue, s.id);
    // The icon beside the text rather than in it: rich text would read the SVG through Qt's image
    // plug-ins, which the rest of the app never loads.
    const int iconEdge = m_ui->statusValue->fontMetrics().height();
    m_ui->statusIcon->setPixmap(
        style::statusIcon(s.status).pixmap(QSize(iconEdge, iconEdge), m_ui->statusIcon->devicePixelRatioF()));
    m_ui->statusValue->setText(u"<span style=\"color:%1\">%2</span>"_s.arg(
        style::statusColor(s.status, palette()).name(), s.statusLabel().toHtmlEscaped()));
    m_ui->sizeValue->setText(orDash(s.size));
    setToken(m_ui->hostnameValue, orDash(s.hostname));
    m_ui->copyHostnameButton->setEnabled(!s.hostname.isEmpty());
    m_ui->elapsedValue->setText(spanText(s.elapsed));
    m_ui->leaseValue->setText(spanText(s.maxLease));
    const bool finished = isFinalStatus(s.status);
    // Nor is a lease counted for a session being stopped.
    const bool stopping = !finished && style::isBeingStopped(s.status, details.pendingCommand);
    if (finished)
        setRemaining(tr("– (ended)"), details.level, true);
    else if (stopping)
        setRemaining(style::stoppingRemainingText(), details.level, true);
    else
        setRemaining(spanText(details.remaining), details.level, false);
    m_ui->expiresValue->setText(details.leaseEndsAt.isValid() && !finished && !stopping
            ? locale.toString(details.leaseEndsAt.toLocalTime(), QLocale::ShortFormat)
            : u"–"_s);
    m_ui->messageValue->setText(orDash(s.message));
    // Fields only the 2021-01-01 API sends, and only once they apply: a row where there is a value,
    // rather than rows of dashes under every v1 session.
    const auto showOptional = [this](QLabel *value, const QString &text) {
        value->setText(text);
        m_ui->formLayout->setRowVisible(value, !text.isEmpty());
    };
    showOptional(m_ui->teraflopsValue, s.teraflops ? locale.toString(*s.teraflops, 'f', 1) : QString());
    showOptional(m_ui->handshakePortValue, s.handshakePort ? QString::number(*s.handshakePort) : QString());
    showInspector(s);
    showOptional(m_ui->createdValue,
        s.creationTime.isValid() ? locale.toString(s.creationTime.toLocalTime(), QLocale::ShortFormat) : QString());
    showOptional(m_ui->errorCodeValue, s.errorCode);
    setToken(m_ui->msCvValue, orDash(QString::fromLatin1(details.lastMsCv)));
    m_ui->copyMsCvButton->setEnabled(!details.lastMsCv.isEmpty());
    m_ui->pendingValue->setText(orDash(details.pendingCommand));
    showActions(details.actions);
    m_ui->pages->setCurrentWidget(m_ui->detailsPage);
}

void DetailsPane::showActions(const std::optional<QList<HistoryEvent>> &actions)
{
    // A dash until the history was asked (or without one), and where nobody changed it. The rows are
    // never hidden: Qt 6.4's QFormLayout writes past its arrays measuring the height of the form with
    // these rows hidden (seen with valgrind).
    m_ui->createdByValue->setText(actions ? who::creatorText(*actions) : u"–"_s);
    m_ui->changedByValue->setText(orDash(actions ? who::changesText(*actions) : QString()));
}

void DetailsPane::showInspector(const Session &s)
{
    m_ui->inspectorPortValue->setText(s.arrInspectorPort ? QString::number(*s.arrInspectorPort) : QString());
    m_ui->formLayout->setRowVisible(m_ui->inspectorLayout, s.arrInspectorPort.has_value());
    const InspectorLink inspector = inspectorLink(s);
    m_ui->openInspectorButton->setEnabled(inspector.isAvailable());
    m_ui->openInspectorButton->setToolTip(inspector.isAvailable()
            ? tr("Open %1 in the web browser").arg(inspector.url.toDisplayString())
            : inspector.unavailableReason);
}

void DetailsPane::showRemaining(const std::optional<TimeSpan> &remaining, SessionTableModel::RemainingLevel level)
{
    if (!isShowingSession() || isFinalStatus(m_details.session.status)
        || style::isBeingStopped(m_details.session.status, m_details.pendingCommand))
        return;
    m_details.remaining = remaining;
    m_details.level = level;
    const QString text = spanText(remaining);
    if (text == m_remainingText && level == m_remainingLevel)
        return;
    setRemaining(text, level, false);
}

void DetailsPane::setRemaining(const QString &text, SessionTableModel::RemainingLevel level, bool finished)
{
    m_remainingText = text;
    m_remainingLevel = level;
    m_ui->remainingValue->setText(text);
    QPalette remainingPalette = palette();
    const QColor background = style::remainingBackground(level);
    if (background.isValid() && !finished) {
        remainingPalette.setColor(QPalette::Window, background);
        remainingPalette.setColor(QPalette::WindowText, style::remainingForeground(level));
    } else {
        remainingPalette.setColor(QPalette::Window, Qt::transparent);
    }
    m_ui->remainingValue->setPalette(remainingPalette);
}

} // namespace arr
