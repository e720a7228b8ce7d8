#include "ui/ToolBarFit.h"

#include <QEvent>
#include <QToolBar>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace arr {

ToolBarFit::ToolBarFit(QToolBar *bar, const QList<QAction *> &secondary)
    : QObject(bar)
    , m_bar(bar)
{
    for (QAction *action : secondary)
        m_secondary.append(action);
    bar->installEventFilter(this);
}

bool ToolBarFit::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_bar) {
        if (event->type() == QEvent::Resize || event->type() == QEvent::Show)
            fit();
        // A command's text changed ("Notifications (3 new)"): the texts may no longer fit. Only ever
        // hiding texts here, never showing them again, so that this cannot go back and forth.
        else if (event->type() == QEvent::LayoutRequest)
            QMetaObject::invokeMethod(this, &ToolBarFit::hideTextsIfSpilling, Qt::QueuedConnection);
    }
    return QObject::eventFilter(watched, event);
}

void ToolBarFit::setSecondaryPriority(QAction::Priority priority)
{
    for (const QPointer<QAction> &action : std::as_const(m_secondary)) {
        if (action && action->priority() != priority)
            action->setPriority(priority);
    }
}

void ToolBarFit::fit()
{
    // Every text first; once the tool bar has laid that out, the texts go if it spills.
    setSecondaryPriority(QAction::NormalPriority);
    QMetaObject::invokeMethod(this, &ToolBarFit::hideTextsIfSpilling, Qt::QueuedConnection);
}

void ToolBarFit::hideTextsIfSpilling()
{
    // The tool bar shows its overflow button ("»") only when some command does not fit.
    const auto *overflow = m_bar->findChild<QToolButton *>(u"qt_toolbar_ext_button"_s);
    if (overflow && overflow->isVisible())
        setSecondaryPriority(QAction::LowPriority);
}

} // namespace arr
