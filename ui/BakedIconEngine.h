#pragma once

#include <QIconEngine>
#include <QImage>

namespace arr {

// Draws one of the app's icons from the pixels tools/iconbake rendered from its SVG at build time
// (resources/icons/<name>.svg, baked under :/icons/baked). Nothing is parsed or decoded when an
// icon is made or drawn: Qt's image plug-ins and its SVG renderer stay unloaded, which spares the
// first window a few milliseconds. Sizes between the baked ones are scaled down from the next larger.
class BakedIconEngine final : public QIconEngine
{
public:
    explicit BakedIconEngine(QString name);

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) override;
    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override;
    QSize actualSize(const QSize &size, QIcon::Mode mode, QIcon::State state) override;
    QList<QSize> availableSizes(QIcon::Mode mode, QIcon::State state) override;
    bool isNull() override;
    QString key() const override;
    QIconEngine *clone() const override;
    // No iconName(): Qt takes an icon's name for a theme icon's (a tray host would look "app" up in
    // the icon theme instead of drawing these pixels).

    // The baked square of `size` pixels, or a null image when there is none (or it is damaged).
    static QImage bakedImage(const QString &name, int size);
    // The sizes every icon is baked at, smallest first.
    static QList<int> bakedSizes();

private:
    QString m_name;
};

} // namespace arr
