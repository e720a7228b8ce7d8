#include "ui/Prompter.h"

#include "service/ApiResult.h"
#include "ui/ErrorDialog.h"

#include <QMessageBox>
#include <QPushButton>

namespace arr {

Prompter::~Prompter() = default;

bool Prompter::confirm(QWidget *parent, const QString &title, const QString &text, const QString &acceptLabel)
{
    QMessageBox box(QMessageBox::Question, title, text, QMessageBox::Cancel, parent);
    QPushButton *accept = box.addButton(acceptLabel, QMessageBox::AcceptRole);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    return box.clickedButton() == accept;
}

void Prompter::inform(QWidget *parent, const QString &title, const QString &text)
{
    QMessageBox::information(parent, title, text);
}

void Prompter::warn(QWidget *parent, const QString &title, const QString &text)
{
    QMessageBox::warning(parent, title, text);
}

void Prompter::showError(QWidget *parent, const QString &title, const QString &context, const ApiResult &result)
{
    auto *dialog = new ErrorDialog(title, context, result, parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

} // namespace arr
