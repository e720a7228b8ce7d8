#include "ui/MessageBar.h"

#include "ui/SessionStyle.h"

#include <QAccessible>
#include <QAccessibleWidget>
#include <QEvent>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace arr {

namespace {

// A message bar as assistive technology sees it: an alert named by its message, which a screen
// reader announces when it appears (Qt would present a frame without a name).
class MessageBarAccessible : public QAccessibleWidget
{
public:
    explicit MessageBarAccessible(MessageBar *bar)
        : QAccessibleWidget(bar, QAccessible::AlertMessage)
    {
    }

    QString text(QAccessible::Text kind) const override
    {
        const auto *bar = static_cast<const MessageBar *>(widget());
        if (kind == QAccessible::Name)
            return bar->text();
        if (kind == QAccessible::Description)
            return bar->details();
        return QAccessibleWidget::text(kind);
    }
};

QAccessibleInterface *messageBarAccessible(const QString &className, QObject *object)
{
    if (object && object->isWidgetType() && className == QLatin1String(MessageBar::staticMetaObject.className()))
        return new MessageBarAccessible(static_cast<MessageBar *>(object));
    return nullptr;
}

} // namespace

MessageBar::MessageBar(QWidget *parent)
    : QFrame(parent)
    , m_icon(new QLabel(this))
    , m_text(new QLabel(this))
    , m_details(new QPlainTextEdit(this))
    , m_detailsButton(new QPushButton(tr("Details"), this))
    , m_action(new QPushButton(this))
    , m_close(new QToolButton(this))
{
    static const bool accessibleAsAlert = [] {
        QAccessible::installFactory(messageBarAccessible);
        return true;
    }();
    Q_UNUSED(accessibleAsAlert)
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_text->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_action->setObjectName(u"messageActionButton"_s);
    m_action->hide();
    m_details->setReadOnly(true);
    m_details->setObjectName(u"messageDetails"_s);
    m_details->setMaximumHeight(m_details->fontMetrics().lineSpacing() * 8);
    m_details->hide();
    m_detailsButton->setObjectName(u"messageDetailsButton"_s);
    m_detailsButton->setCheckable(true);
    m_detailsButton->hide();
    m_close->setAutoRaise(true);
    m_close->setIcon(style::icon(u"dismiss"_s));
    m_close->setToolTip(tr("Dismiss"));
    m_close->setAccessibleName(tr("Dismiss"));

    auto *row = new QHBoxLayout;
    row->addWidget(m_icon, 0, Qt::AlignTop);
    row->addWidget(m_text, 1);
    row->addWidget(m_detailsButton, 0, Qt::AlignVCenter);
    row->addWidget(m_action, 0, Qt::AlignVCenter);
    row->addWidget(m_close, 0, Qt::AlignTop);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 4, 4, 4);
    layout->addLayout(row);
    layout->addWidget(m_details);
    connect(m_detailsButton, &QPushButton::toggled, m_details, &QWidget::setVisible);

    connect(m_action, &QPushButton::clicked, this, [this] {
        if (m_callback)
            m_callback();
    });
    connect(m_close, &QToolButton::clicked, this, [this] {
        hide();
        Q_EMIT closed();
    });
    // Colours and icon are applied by showMessage(), the only way the bar appears.
    hide();
}

void MessageBar::showMessage(Kind kind, const QString &text)
{
    // Asked again with what it shows already (every account reporting in): a word-wrapped label
    // laid out anew each time would keep the window busy.
    if (isVisible() && kind == m_kind && text == m_text->text())
        return;
    m_kind = kind;
    m_text->setText(text);
    applyKind();
    show();
    QAccessibleEvent announce(this, QAccessible::Alert);
    QAccessible::updateAccessibility(&announce);
}

void MessageBar::setAction(const QString &text, std::function<void()> callback)
{
    m_callback = std::move(callback);
    m_action->setText(text);
    m_action->setVisible(!text.isEmpty());
}

void MessageBar::setDetails(const QString &details)
{
    if (details != m_details->toPlainText())
        m_details->setPlainText(details);
    m_detailsButton->setVisible(!details.isEmpty());
    if (details.isEmpty())
        m_detailsButton->setChecked(false);
}

void MessageBar::setClosable(bool closable)
{
    m_close->setVisible(closable);
}

QString MessageBar::text() const
{
    return m_text->text();
}

QString MessageBar::details() const
{
    return m_details->toPlainText();
}

void MessageBar::changeEvent(QEvent *event)
{
    // The system switched between light and dark (or the app was given another palette): the
    // change reaches the bar through its parent. Its own setPalette() below sends one too.
    if ((event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange)
        && !m_applyingKind)
        applyKind();
    QFrame::changeEvent(event);
}

void MessageBar::applyKind()
{
    // The app's own icons rather than the style's: the same on every platform, and drawn from the
    // pixels baked into the app instead of decoding the style's bitmaps at start-up.
    QString icon;
    style::BarKind kind = style::BarKind::Information;
    switch (m_kind) {
    case Kind::Information:
        icon = u"message-information"_s;
        break;
    case Kind::Warning:
        kind = style::BarKind::Warning;
        icon = u"message-warning"_s;
        break;
    case Kind::Error:
        kind = style::BarKind::Error;
        icon = u"status-error"_s;
        break;
    }
    // Chosen from the application's palette rather than the bar's own, which holds the colours set
    // here before. Light or dark strips to match it, so that the buttons on the bar (drawn with the
    // palette's button colours) sit on a background of the same lightness.
    const QPalette base = QGuiApplication::palette();
    const style::BarColors colors = style::barColors(kind, base);
    QPalette palette = base;
    palette.setColor(QPalette::Window, colors.background);
    palette.setColor(QPalette::WindowText, colors.text);
    palette.setColor(QPalette::Light, colors.border);
    palette.setColor(QPalette::Dark, colors.border);
    palette.setColor(QPalette::Mid, colors.border);
    m_applyingKind = true;
    setPalette(palette);
    m_applyingKind = false;
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_icon->setPixmap(style::icon(icon).pixmap(size));
}

} // namespace arr
