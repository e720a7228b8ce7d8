#include "ui/MessageBar.h"

#include "ui/SessionStyle.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace arr {

MessageBar::MessageBar(QWidget *parent)
    : QFrame(parent)
    , m_icon(new QLabel(this))
    , m_text(new QLabel(this))
    , m_details(new QPlainTextEdit(this))
    , m_detailsButton(new QPushButton(tr("Details"), this))
    , m_action(new QPushButton(this))
    , m_close(new QToolButton(this))
{
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_text->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
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

void MessageBar::applyKind()
{
    QColor background;
    QColor border;
    // The app's own icons rather than the style's: the same on every platform, and drawn from the
    // pixels baked into the app instead of decoding the style's bitmaps at start-up.
    QString icon;
    switch (m_kind) {
    case Kind::Information:
        background = QColor(0xdd, 0xf4, 0xff);
        border = QColor(0x54, 0xae, 0xff);
        icon = u"message-information"_s;
        break;
    case Kind::Warning:
        background = QColor(0xff, 0xf8, 0xc5);
        border = QColor(0xd4, 0xa7, 0x2c);
        icon = u"message-warning"_s;
        break;
    case Kind::Error:
        background = QColor(0xff, 0xeb, 0xe9);
        border = QColor(0xff, 0x81, 0x82);
        icon = u"status-error"_s;
        break;
    }
    // Fixed light colours with dark text, readable whatever the palette.
    QPalette palette = this->palette();
    palette.setColor(QPalette::Window, background);
    palette.setColor(QPalette::WindowText, QColor(0x1f, 0x23, 0x28));
    palette.setColor(QPalette::Light, border);
    palette.setColor(QPalette::Dark, border);
    palette.setColor(QPalette::Mid, border);
    setPalette(palette);
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_icon->setPixmap(style::icon(icon).pixmap(size));
}

} // namespace arr
