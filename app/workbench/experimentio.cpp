// SPDX-License-Identifier: GPL-3.0-or-later
// SpikingConvNet Workbench — experiment folders (the format lives in model/).
#include "app/workbench/experimentio.h"

#include "model/error.h"

#include <QDir>
#include <QFileInfo>

namespace scnn::app {

bool experimentFilesSupported()
{
    return false;
}

DocumentState loadExperimentFolder(const QString& path)
{
    throw model::Error("this build cannot read experiment folders yet", path.toStdString());
}

void saveExperimentFolder(const QString& path, const DocumentState&)
{
    throw model::Error("this build cannot write experiment folders yet", path.toStdString());
}

bool isExperimentFolder(const QString& path)
{
    return QFileInfo(QDir(path).filePath(QStringLiteral("experiment.json"))).isFile();
}

} // namespace scnn::app
