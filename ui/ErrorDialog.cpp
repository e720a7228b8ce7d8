#include "ui/ErrorDialog.h"

#include "ui_ErrorDialog.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QPushButton>
#include <QStyle>

using namespace Qt::StringLiterals;

namespace arr {

ErrorDialog::ErrorDialog(const QString &title, const QString &context, const ApiResult &result, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::ErrorDialog>())
    , m_context(context)
    , m_result(result)
{
    m_ui->setupUi(this);
    setWindowTitle(title);
    const int iconSize = style()->pixelMetric(QStyle::PM_MessageBoxIconSize, nullptr, this);
    m_ui->iconLabel->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxCritical, nullptr, this).pixmap(iconSize));
    m_ui->headlineLabel->setText(context);
    m_ui->statusValue->setText(statusText(result));
    m_ui->messageValue->setText(result.message.isEmpty() ? tr("(the service gave no message)") : result.message);
    m_ui->codeValue->setText(result.serviceCode);
    m_ui->codeCaption->setVisible(!result.serviceCode.isEmpty());
    m_ui->codeValue->setVisible(!result.serviceCode.isEmpty());
    const QString msCv = QString::fromLatin1(result.msCv);
    m_ui->msCvValue->setText(msCv.isEmpty() ? tr("(none: no answer carried one)") : msCv);
    m_ui->copyMsCvButton->setEnabled(!msCv.isEmpty());

    connect(m_ui->copyMsCvButton, &QPushButton::clicked, this, [msCv] { QGuiApplication::clipboard()->setText(msCv); });
    connect(m_ui->copyDetailsButton, &QPushButton::clicked, this,
        [this] { QGuiApplication::clipboard()->setText(supportText()); });
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_ui->buttonBox->button(QDialogButtonBox::Close)->setDefault(true);
    adjustSize();
}

ErrorDialog::~ErrorDialog() = default;

QString ErrorDialog::statusText(const ApiResult &result)
{
    const QString kind = errorKindName(result.kind);
    if (result.httpStatus > 0)
        return tr("HTTP %1 (%2)").arg(result.httpStatus).arg(kind);
    return tr("No HTTP answer (%1)").arg(kind);
}

QString ErrorDialog::supportText() const
{
    QStringList lines{m_context, tr("Status: %1").arg(statusText(m_result)), tr("Message: %1").arg(m_result.message)};
    if (!m_result.serviceCode.isEmpty())
        lines.append(tr("Service code: %1").arg(m_result.serviceCode));
    lines.append(tr("MS-CV: %1").arg(QString::fromLatin1(m_result.msCv)));
    if (m_result.attempts > 1)
        lines.append(tr("Attempts: %1").arg(m_result.attempts));
    return lines.join(u'\n');
}

} // namespace arr
