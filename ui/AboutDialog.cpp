#include "ui/AboutDialog.h"

#include "ui/SessionStyle.h"
#include "ui_AboutDialog.h"

#include <QtGlobal>

using namespace Qt::StringLiterals;

namespace arr {

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::AboutDialog>())
{
    m_ui->setupUi(this);
    m_ui->iconLabel->setPixmap(style::appIcon().pixmap(64, 64));
    QFont title = m_ui->titleLabel->font();
    title.setPointSizeF(title.pointSizeF() * 1.4);
    title.setBold(true);
    m_ui->titleLabel->setFont(title);
    m_ui->versionLabel->setText(versionText());
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

AboutDialog::~AboutDialog() = default;

QString AboutDialog::versionText()
{
    return tr("Version %1 (Qt %2)").arg(QStringLiteral(ARRSM_VERSION), QString::fromLatin1(qVersion()));
}

} // namespace arr
