#include "ui/WidgetHelpers.h"

#include "ui/SessionStyle.h"

#include <QAbstractSpinBox>
#include <QBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSize>

#include <algorithm>

namespace arr {

void whenSpinBoxEdited(QAbstractSpinBox *spin, QObject *context, std::function<void()> callback)
{
    // The editor is the spin box's own child; there is no public accessor for it.
    if (auto *editor = spin->findChild<QLineEdit *>())
        QObject::connect(editor, &QLineEdit::textChanged, context, [callback] { callback(); });
}

void styleAsProblem(QLabel *label)
{
    QPalette palette = label->palette();
    palette.setColor(
        QPalette::WindowText, style::isDark(palette) ? QColor(0xff, 0x7b, 0x72) : QColor(0xcf, 0x22, 0x2e));
    label->setPalette(palette);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
}

void addLabelled(QBoxLayout *row, const QString &text, QWidget *widget)
{
    auto *label = new QLabel(text, widget->parentWidget());
    label->setBuddy(widget);
    row->addWidget(label);
    row->addWidget(widget);
}

QSize firstStartWindowSize(const QSize &available)
{
    // Nine tenths of the room, up to a size beyond which a wider table only adds empty space.
    const QSize wanted(std::min(available.width() * 9 / 10, 1920), std::min(available.height() * 9 / 10, 1200));
    return wanted.boundedTo(available);
}

} // namespace arr
