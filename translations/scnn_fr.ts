<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>Live</name>
    <message>
        <source>kernel %1</source>
        <translation>noyau %1</translation>
    </message>
</context>
<context>
    <name>Presets</name>
    <message>
        <source>Original 2018 network (MNIST 0, 1, 7, 8)</source>
        <translation>Réseau original de 2018 (MNIST 0, 1, 7, 8)</translation>
    </message>
    <message>
        <source>One convolution of 4 kernels 4×4 at stride 3, as in SpikingConvNet</source>
        <translation>Une convolution de 4 noyaux 4×4 au pas 3, comme dans SpikingConvNet</translation>
    </message>
    <message>
        <source>Deeper network (MNIST, all digits)</source>
        <translation>Réseau plus profond (MNIST, tous les chiffres)</translation>
    </message>
    <message>
        <source>Two convolutions with pooling between them, all ten digits</source>
        <translation>Deux convolutions séparées par un pooling, les dix chiffres</translation>
    </message>
    <message>
        <source>Classroom (fast)</source>
        <translation>Salle de classe (rapide)</translation>
    </message>
    <message>
        <source>A small network whose kernels visibly learn strokes within seconds</source>
        <translation>Un petit réseau dont les noyaux apprennent visiblement des traits en quelques secondes</translation>
    </message>
</context>
<context>
    <name>Recorded</name>
    <message>
        <source>kernel %1</source>
        <translation>noyau %1</translation>
    </message>
    <message>
        <source>%1 examples, %2 s</source>
        <translation>%1 exemples, %2 s</translation>
    </message>
</context>
<context>
    <name>Texts</name>
    <message>
        <source>The kernel count %1 must be at least 1.</source>
        <translation>Le nombre de noyaux %1 doit être au moins 1.</translation>
    </message>
    <message>
        <source>The size %1 must be at least 1.</source>
        <translation>La taille %1 doit être au moins 1.</translation>
    </message>
    <message>
        <source>The stride %1 must be at least 1.</source>
        <translation>Le pas %1 doit être au moins 1.</translation>
    </message>
    <message>
        <source>Its input is empty: fix the layer above first.</source>
        <translation>Son entrée est vide : corrigez d’abord la couche du dessus.</translation>
    </message>
    <message>
        <source>The kernel %1×%2 is larger than its input %3×%4.</source>
        <translation>Le noyau %1×%2 est plus grand que son entrée %3×%4.</translation>
    </message>
    <message>
        <source>The pooling window %1×%2 is larger than its input %3×%4.</source>
        <translation>La fenêtre de pooling %1×%2 est plus grande que son entrée %3×%4.</translation>
    </message>
    <message>
        <source>The first layer must be a convolution: pooling the input learns nothing.</source>
        <translation>La première couche doit être une convolution : un pooling de l’entrée n’apprend rien.</translation>
    </message>
    <message>
        <source>The network has no layers: add a convolution.</source>
        <translation>Le réseau n’a aucune couche : ajoutez une convolution.</translation>
    </message>
    <message>
        <source>Layer %1: %2</source>
        <translation>Couche %1 : %2</translation>
    </message>
    <message>
        <source>Membrane capacitance</source>
        <translation>Capacité membranaire</translation>
    </message>
    <message>
        <source>Membrane time constant</source>
        <translation>Constante de temps membranaire</translation>
    </message>
    <message>
        <source>Refractory period</source>
        <translation>Période réfractaire</translation>
    </message>
    <message>
        <source>Resting potential</source>
        <translation>Potentiel de repos</translation>
    </message>
    <message>
        <source>Reset potential</source>
        <translation>Potentiel de réinitialisation</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>Seuil</translation>
    </message>
    <message>
        <source>Excitatory synaptic time constant</source>
        <translation>Constante de temps synaptique excitatrice</translation>
    </message>
    <message>
        <source>Inhibitory synaptic time constant</source>
        <translation>Constante de temps synaptique inhibitrice</translation>
    </message>
    <message>
        <source>Offset current</source>
        <translation>Courant de décalage</translation>
    </message>
    <message>
        <source>Potentiation time constant</source>
        <translation>Constante de temps de potentialisation</translation>
    </message>
    <message>
        <source>Depression time constant</source>
        <translation>Constante de temps de dépression</translation>
    </message>
    <message>
        <source>Potentiation amplitude</source>
        <translation>Amplitude de potentialisation</translation>
    </message>
    <message>
        <source>Depression amplitude</source>
        <translation>Amplitude de dépression</translation>
    </message>
    <message>
        <source>Minimum weight</source>
        <translation>Poids minimal</translation>
    </message>
    <message>
        <source>Maximum weight</source>
        <translation>Poids maximal</translation>
    </message>
    <message>
        <source>Initial weight mean</source>
        <translation>Moyenne des poids initiaux</translation>
    </message>
    <message>
        <source>Initial weight spread</source>
        <translation>Dispersion des poids initiaux</translation>
    </message>
    <message>
        <source>T-shirt/top</source>
        <translation>T-shirt/haut</translation>
    </message>
    <message>
        <source>Trouser</source>
        <translation>Pantalon</translation>
    </message>
    <message>
        <source>Pullover</source>
        <translation>Pull-over</translation>
    </message>
    <message>
        <source>Dress</source>
        <translation>Robe</translation>
    </message>
    <message>
        <source>Coat</source>
        <translation>Manteau</translation>
    </message>
    <message>
        <source>Sandal</source>
        <translation>Sandale</translation>
    </message>
    <message>
        <source>Shirt</source>
        <translation>Chemise</translation>
    </message>
    <message>
        <source>Sneaker</source>
        <translation>Basket</translation>
    </message>
    <message>
        <source>Bag</source>
        <translation>Sac</translation>
    </message>
    <message>
        <source>Ankle boot</source>
        <translation>Bottine</translation>
    </message>
    <message>
        <source>train layer %1: windows</source>
        <translation>entraîner la couche %1 : fenêtres</translation>
    </message>
    <message>
        <source>train layer %1: images</source>
        <translation>entraîner la couche %1 : images</translation>
    </message>
    <message>
        <source>train layer %1: rebuilding the layers below</source>
        <translation>entraîner la couche %1 : reconstruction des couches inférieures</translation>
    </message>
    <message>
        <source>loading data</source>
        <translation>chargement des données</translation>
    </message>
    <message>
        <source>SVM: features of the training examples</source>
        <translation>SVM : caractéristiques des exemples d’entraînement</translation>
    </message>
    <message>
        <source>SVM: choosing C</source>
        <translation>SVM : choix de C</translation>
    </message>
    <message>
        <source>test: features of the test examples</source>
        <translation>test : caractéristiques des exemples de test</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Design, train and watch spiking convolutional neural networks.</source>
        <translation>Concevoir, entraîner et observer des réseaux convolutifs impulsionnels.</translation>
    </message>
    <message>
        <source>Render the main window to the PNG file FILE and exit.</source>
        <translation>Rendre la fenêtre principale dans le fichier PNG FILE et quitter.</translation>
    </message>
    <message>
        <source>Use language LANG (en, de, fr) instead of the saved or system one.</source>
        <translation>Utiliser la langue LANG (en, de, fr) au lieu de celle enregistrée ou du système.</translation>
    </message>
    <message>
        <source>Start a new experiment from preset ID (seed, mnist, classroom).</source>
        <translation>Commencer une nouvelle expérience à partir du modèle ID (seed, mnist, classroom).</translation>
    </message>
    <message>
        <source>Bring the panels or views NAMES (comma-separated, e.g. data,kernels) to the front.</source>
        <translation>Mettre au premier plan les panneaux ou vues NAMES (séparés par des virgules, p. ex. data,kernels).</translation>
    </message>
    <message>
        <source>Experiment folder to open.</source>
        <translation>Dossier d’expérience à ouvrir.</translation>
    </message>
    <message>
        <source>Start in presentation mode (large fonts, full screen; Space starts and stops).</source>
        <translation>Démarrer en mode présentation (grandes polices, plein écran ; Espace démarre et arrête).</translation>
    </message>
    <message>
        <source>scnn-workbench: unknown preset &apos;%1&apos; (%2)</source>
        <translation>scnn-workbench : préréglage « %1 » inconnu (%2)</translation>
    </message>
    <message>
        <source>With --screenshot: start Run all and take the screenshot when the first phase is PERCENT % done.</source>
        <translation>Avec --screenshot : lancer « Tout exécuter » et prendre la capture quand la première phase est terminée à PERCENT %.</translation>
    </message>
    <message>
        <source>scnn-workbench: --during-run needs --screenshot and a percentage from 0 to 100, not &apos;%1&apos;</source>
        <translation>scnn-workbench : --during-run nécessite --screenshot et un pourcentage de 0 à 100, pas « %1 »</translation>
    </message>
    <message>
        <source>unknown language &apos;%1&apos; (%2)</source>
        <translation>langue inconnue « %1 » (%2)</translation>
    </message>
    <message>
        <source>one experiment folder at most, not %1</source>
        <translation>un dossier d’expérience au plus, pas %1</translation>
    </message>
    <message>
        <source>--raise: no panel or view called &apos;%1&apos; (known: %2)</source>
        <translation>--raise : aucun panneau ni aucune vue nommé « %1 » (connus : %2)</translation>
    </message>
</context>
<context>
    <name>scnn::app::DataPanel</name>
    <message>
        <source>Dataset</source>
        <translation>Jeu de données</translation>
    </message>
    <message>
        <source>MNIST digits</source>
        <translation>Chiffres MNIST</translation>
    </message>
    <message>
        <source>Fashion-MNIST</source>
        <translation>Fashion-MNIST</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Images</translation>
    </message>
    <message>
        <source>Search the usual places</source>
        <translation>Chercher aux endroits habituels</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <source>Choose a folder with *-idx3-ubyte[.gz] files</source>
        <translation>Choisir un dossier contenant des fichiers *-idx3-ubyte[.gz]</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <source>Installed Fashion-MNIST</source>
        <translation>Fashion-MNIST installé</translation>
    </message>
    <message>
        <source>Search usual places</source>
        <translation>Endroits habituels</translation>
    </message>
    <message>
        <source>Classes</source>
        <translation>Classes</translation>
    </message>
    <message>
        <source>Examples</source>
        <translation>Exemples</translation>
    </message>
    <message>
        <source>Seeds the draw of examples and the initial weights</source>
        <translation>Graine du tirage des exemples et des poids initiaux</translation>
    </message>
    <message>
        <source>Training per class</source>
        <translation>Entraînement par classe</translation>
    </message>
    <message>
        <source>Test per class</source>
        <translation>Test par classe</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Graine</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Aperçu</translation>
    </message>
    <message>
        <source>First %1 images of the training draw</source>
        <translation>Les %1 premières images du tirage d’entraînement</translation>
    </message>
    <message>
        <source>Choose at least one class.</source>
        <translation>Choisissez au moins une classe.</translation>
    </message>
    <message>
        <source>%1 training and %2 test examples</source>
        <translation>%1 exemples d’entraînement et %2 de test</translation>
    </message>
    <message>
        <source>No dataset reader is available for the preview.</source>
        <translation>Aucun lecteur de jeu de données n’est disponible pour l’aperçu.</translation>
    </message>
    <message>
        <source>Reading images…</source>
        <translation>Lecture des images…</translation>
    </message>
</context>
<context>
    <name>scnn::app::EncodingEditor</name>
    <message>
        <source>Input encoding</source>
        <translation>Codage de l’entrée</translation>
    </message>
    <message>
        <source>Rate code (regular, random phase)</source>
        <translation>Codage par taux (régulier, phase aléatoire)</translation>
    </message>
    <message>
        <source>Time to first spike</source>
        <translation>Délai jusqu’à la première impulsion</translation>
    </message>
    <message>
        <source>Poisson</source>
        <translation>Poisson</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Codage</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>Rate code: period = 255 / intensity × fire factor</source>
        <translation>Codage par taux : période = 255 / intensité × facteur de décharge</translation>
    </message>
    <message>
        <source>Fire factor</source>
        <translation>Facteur de décharge</translation>
    </message>
    <message>
        <source>Pixels below fire one random spike (rate code) or none (time code)</source>
        <translation>Les pixels en dessous émettent une impulsion aléatoire (codage par taux) ou aucune (codage temporel)</translation>
    </message>
    <message>
        <source>Intensity threshold</source>
        <translation>Seuil d’intensité</translation>
    </message>
    <message>
        <source> Hz</source>
        <translation> Hz</translation>
    </message>
    <message>
        <source>Poisson rate at 255</source>
        <translation>Taux de Poisson à 255</translation>
    </message>
    <message>
        <source>Difference-of-Gaussians filter</source>
        <translation>Filtre de différence de gaussiennes</translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source>Centre sigma</source>
        <translation>Sigma du centre</translation>
    </message>
    <message>
        <source>Surround sigma</source>
        <translation>Sigma du pourtour</translation>
    </message>
    <message>
        <source>Timing</source>
        <translation>Temporisation</translation>
    </message>
    <message>
        <source>Timestep</source>
        <translation>Pas de temps</translation>
    </message>
    <message>
        <source>Synaptic delay</source>
        <translation>Délai synaptique</translation>
    </message>
    <message>
        <source>Presentation window</source>
        <translation>Fenêtre de présentation</translation>
    </message>
    <message>
        <source>Silent tail</source>
        <translation>Fin silencieuse</translation>
    </message>
    <message>
        <source>Restore defaults</source>
        <translation>Rétablir les valeurs par défaut</translation>
    </message>
    <message>
        <source>Set encoding and timing to the original package&apos;s values</source>
        <translation>Remettre le codage et la temporisation aux valeurs du paquet original</translation>
    </message>
    <message>
        <source>Latency code (shared-WTA layers)</source>
        <translation>Code de latence (couches WTA partagé)</translation>
    </message>
    <message>
        <source>DoG responses above the threshold are ranked, strongest first, into time bins; the centre and surround sigmas above are used at every scale.</source>
        <translation>Les réponses DoG au-dessus du seuil sont classées, la plus forte d’abord, dans des intervalles de temps ; les sigmas du centre et du pourtour ci-dessus servent à chaque échelle.</translation>
    </message>
    <message>
        <source> bins</source>
        <translation> intervalles</translation>
    </message>
    <message>
        <source>Time bins per image. Default: %1</source>
        <translation>Intervalles de temps par image. Par défaut : %1</translation>
    </message>
    <message>
        <source>Time bins</source>
        <translation>Intervalles de temps</translation>
    </message>
    <message>
        <source>Weakest DoG response that fires, on the 0 … 1 pixel scale. Default: %1</source>
        <translation>Plus faible réponse DoG qui émet encore, sur l’échelle de pixels 0 … 1. Par défaut : %1</translation>
    </message>
    <message>
        <source>Response threshold</source>
        <translation>Seuil de réponse</translation>
    </message>
    <message>
        <source>DoG window at the first scale, odd. Default: %1 px</source>
        <translation>Fenêtre DoG à la première échelle, impaire. Par défaut : %1 px</translation>
    </message>
    <message>
        <source>DoG window</source>
        <translation>Fenêtre DoG</translation>
    </message>
    <message>
        <source>Scale s doubles both sigmas s times; each adds an on and an off channel. Default: %1</source>
        <translation>L’échelle s double les deux sigmas s fois ; chacune ajoute un canal ON et un canal OFF. Par défaut : %1</translation>
    </message>
    <message>
        <source>DoG scales</source>
        <translation>Échelles DoG</translation>
    </message>
</context>
<context>
    <name>scnn::app::ExperimentDocument</name>
    <message>
        <source>Untitled</source>
        <translation>Sans titre</translation>
    </message>
    <message>
        <source>Add convolution layer</source>
        <translation>Ajouter une couche de convolution</translation>
    </message>
    <message>
        <source>Add pooling layer</source>
        <translation>Ajouter une couche de pooling</translation>
    </message>
    <message>
        <source>Remove layer %1</source>
        <translation>Supprimer la couche %1</translation>
    </message>
    <message>
        <source>Move layer %1 up</source>
        <translation>Monter la couche %1</translation>
    </message>
    <message>
        <source>Move layer %1 down</source>
        <translation>Descendre la couche %1</translation>
    </message>
    <message>
        <source>Set kernel count of layer %1 to %2</source>
        <translation>Nombre de noyaux de la couche %1 : %2</translation>
    </message>
    <message>
        <source>Set kernel size of layer %1 to %2</source>
        <translation>Taille de noyau de la couche %1 : %2</translation>
    </message>
    <message>
        <source>Set stride of layer %1 to %2</source>
        <translation>Pas de la couche %1 : %2</translation>
    </message>
    <message>
        <source>Set %1 of layer %2</source>
        <translation>Modifier %1 de la couche %2</translation>
    </message>
    <message>
        <source>Set STDP rule of layer %1</source>
        <translation>Modifier la règle STDP de la couche %1</translation>
    </message>
    <message>
        <source>Enable inhibition in layer %1</source>
        <translation>Activer l’inhibition dans la couche %1</translation>
    </message>
    <message>
        <source>Disable inhibition in layer %1</source>
        <translation>Désactiver l’inhibition dans la couche %1</translation>
    </message>
    <message>
        <source>Set inhibition weight of layer %1</source>
        <translation>Modifier le poids d’inhibition de la couche %1</translation>
    </message>
    <message>
        <source>Set inhibition delay of layer %1</source>
        <translation>Modifier le délai d’inhibition de la couche %1</translation>
    </message>
    <message>
        <source>Restore defaults of layer %1</source>
        <translation>Rétablir les valeurs par défaut de la couche %1</translation>
    </message>
    <message>
        <source>Change timing</source>
        <translation>Modifier la temporisation</translation>
    </message>
    <message>
        <source>Change encoding</source>
        <translation>Modifier le codage</translation>
    </message>
    <message>
        <source>Restore encoding and timing defaults</source>
        <translation>Rétablir le codage et la temporisation par défaut</translation>
    </message>
    <message>
        <source>Choose data folder</source>
        <translation>Choisir le dossier de données</translation>
    </message>
    <message>
        <source>Choose dataset</source>
        <translation>Choisir le jeu de données</translation>
    </message>
    <message>
        <source>Choose classes</source>
        <translation>Choisir les classes</translation>
    </message>
    <message>
        <source>Set training examples per class to %1</source>
        <translation>Exemples d’entraînement par classe : %1</translation>
    </message>
    <message>
        <source>Set test examples per class to %1</source>
        <translation>Exemples de test par classe : %1</translation>
    </message>
    <message>
        <source>Set seed to %1</source>
        <translation>Graine : %1</translation>
    </message>
    <message>
        <source>Choose backend %1</source>
        <translation>Choisir le moteur %1</translation>
    </message>
    <message>
        <source>Change SpiNNaker settings</source>
        <translation>Modifier les réglages SpiNNaker</translation>
    </message>
</context>
<context>
    <name>scnn::app::LayerStackEditor</name>
    <message>
        <source>Add convolution</source>
        <translation>Ajouter une convolution</translation>
    </message>
    <message>
        <source>Append a convolution layer that learns with STDP</source>
        <translation>Ajouter à la fin une couche de convolution qui apprend par STDP</translation>
    </message>
    <message>
        <source>Add pooling</source>
        <translation>Ajouter un pooling</translation>
    </message>
    <message>
        <source>Append a max-pooling layer</source>
        <translation>Ajouter à la fin une couche de max-pooling</translation>
    </message>
    <message>
        <source>Number of kernels (output maps)</source>
        <translation>Nombre de noyaux (cartes de sortie)</translation>
    </message>
    <message>
        <source>Kernels</source>
        <translation>Noyaux</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>Fenêtre</translation>
    </message>
    <message>
        <source>Stride</source>
        <translation>Pas</translation>
    </message>
    <message>
        <source>Move layer up</source>
        <translation>Monter la couche</translation>
    </message>
    <message>
        <source>Move layer down</source>
        <translation>Descendre la couche</translation>
    </message>
    <message>
        <source>Remove layer</source>
        <translation>Supprimer la couche</translation>
    </message>
    <message>
        <source>Input %1 · %2 pixels</source>
        <translation>Entrée %1 · %2 pixels</translation>
    </message>
    <message>
        <source>Total: %1 neurons, %2 synapses</source>
        <translation>Total : %1 neurones, %2 synapses</translation>
    </message>
    <message>
        <source>%1 · Convolution</source>
        <translation>%1 · Convolution</translation>
    </message>
    <message>
        <source>%1 · Max pooling</source>
        <translation>%1 · Max-pooling</translation>
    </message>
    <message>
        <source>→ %1</source>
        <translation>→ %1</translation>
    </message>
    <message>
        <source>%1 neurons · %2 synapses</source>
        <translation>%1 neurones · %2 synapses</translation>
    </message>
    <message>
        <source>→ no output</source>
        <translation>→ aucune sortie</translation>
    </message>
</context>
<context>
    <name>scnn::app::LiveSpikeLink</name>
    <message>
        <source>Live spikes: the toolchain&apos;s database is read; waiting for the run</source>
        <translation>Impulsions en direct : base de données de la chaîne d’outils lue ; en attente de l’exécution</translation>
    </message>
    <message>
        <source>Live spikes: the toolchain&apos;s database could not be read: %1</source>
        <translation>Impulsions en direct : impossible de lire la base de données de la chaîne d’outils : %1</translation>
    </message>
    <message>
        <source>Live spikes: the board started</source>
        <translation>Impulsions en direct : la carte a démarré</translation>
    </message>
    <message>
        <source>Live spikes: the board stopped</source>
        <translation>Impulsions en direct : la carte s’est arrêtée</translation>
    </message>
    <message>
        <source>Live spikes: %1 received; dropped %2 malformed packets, %3 unknown keys, %4 from other senders</source>
        <translation>Impulsions en direct : %1 reçues ; rejetés : %2 paquets malformés, %3 clés inconnues, %4 d’autres expéditeurs</translation>
    </message>
</context>
<context>
    <name>scnn::app::MainWindow</name>
    <message>
        <source>Kernel heatmaps appear here when a layer trains or an experiment with learned weights is opened.</source>
        <translation>Les cartes de chaleur des noyaux apparaissent ici dès qu’une couche s’entraîne ou qu’une expérience avec des poids appris est ouverte.</translation>
    </message>
    <message>
        <source>Kernels</source>
        <translation>Noyaux</translation>
    </message>
    <message>
        <source>Weight changes (after − before) appear here while a layer trains.</source>
        <translation>Les variations de poids (après − avant) apparaissent ici pendant l’entraînement d’une couche.</translation>
    </message>
    <message>
        <source>Spike raster</source>
        <translation>Raster d’impulsions</translation>
    </message>
    <message>
        <source>Membrane</source>
        <translation>Membrane</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Activité</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>Précision</translation>
    </message>
    <message>
        <source>The confusion matrix appears here after a test.</source>
        <translation>La matrice de confusion apparaît ici après un test.</translation>
    </message>
    <message>
        <source>Confusion</source>
        <translation>Confusion</translation>
    </message>
    <message>
        <source>%1 failed</source>
        <translation>Échec : %1</translation>
    </message>
    <message>
        <source>Ready.</source>
        <translation>Prêt.</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Nouveau</translation>
    </message>
    <message>
        <source>New experiment from the original network</source>
        <translation>Nouvelle expérience avec le réseau original</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Ouvrir…</translation>
    </message>
    <message>
        <source>Open an experiment folder</source>
        <translation>Ouvrir un dossier d’expérience</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>Save the experiment</source>
        <translation>Enregistrer l’expérience</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>Enregistrer &amp;sous…</translation>
    </message>
    <message>
        <source>&amp;Import Original Weights…</source>
        <translation>&amp;Importer les poids originaux…</translation>
    </message>
    <message>
        <source>Import the 2018 package&apos;s model/w_layer_N weight files</source>
        <translation>Importer les fichiers de poids model/w_layer_N du paquet de 2018</translation>
    </message>
    <message>
        <source>&amp;Export Plot…</source>
        <translation>&amp;Exporter le graphique…</translation>
    </message>
    <message>
        <source>Export the current view as PNG, SVG or PDF</source>
        <translation>Exporter la vue actuelle en PNG, SVG ou PDF</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <source>Run &amp;All</source>
        <translation>&amp;Tout exécuter</translation>
    </message>
    <message>
        <source>Train every layer, the SVM, then test (F5)</source>
        <translation>Entraîner toutes les couches et la SVM, puis tester (F5)</translation>
    </message>
    <message>
        <source>Train &amp;SVM</source>
        <translation>Entraîner la &amp;SVM</translation>
    </message>
    <message>
        <source>Train the linear SVM readout on the last layer&apos;s spike counts</source>
        <translation>Entraîner la lecture SVM linéaire sur les nombres d’impulsions de la dernière couche</translation>
    </message>
    <message>
        <source>&amp;Test</source>
        <translation>&amp;Tester</translation>
    </message>
    <message>
        <source>Classify the test examples and record the accuracy</source>
        <translation>Classer les exemples de test et noter la précision</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>A&amp;rrêter</translation>
    </message>
    <message>
        <source>Stop the running phase; the experiment stays as it was (Esc)</source>
        <translation>Arrêter la phase en cours ; l’expérience reste inchangée (Échap)</translation>
    </message>
    <message>
        <source>&amp;Presentation Mode</source>
        <translation>Mode &amp;présentation</translation>
    </message>
    <message>
        <source>Large fonts and full-screen views; Space starts and stops (F11)</source>
        <translation>Grandes polices et vues plein écran ; Espace démarre et arrête (F11)</translation>
    </message>
    <message>
        <source>&amp;About SpikingConvNet Workbench</source>
        <translation>À &amp;propos de SpikingConvNet Workbench</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>New from &amp;Preset</source>
        <translation>Nouveau depuis un &amp;modèle</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Ouvrir un fichier &amp;récent</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Panels</source>
        <translation>&amp;Panneaux</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Langue du système</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Exécution</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Principale</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>Couches</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Données</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Exécution</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Journal</translation>
    </message>
    <message>
        <source>Phases</source>
        <translation>Phases</translation>
    </message>
    <message>
        <source>Backend</source>
        <translation>Moteur</translation>
    </message>
    <message>
        <source>Embedded simulator</source>
        <translation>Simulateur intégré</translation>
    </message>
    <message>
        <source>Where phases run</source>
        <translation>Où les phases s’exécutent</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progression</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>Inactif</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <source>Train layer %1 with STDP</source>
        <translation>Entraîner la couche %1 par STDP</translation>
    </message>
    <message>
        <source>&amp;Backend</source>
        <translation>&amp;Moteur</translation>
    </message>
    <message>
        <source>Choose at least one class in the Data panel.</source>
        <translation>Choisissez au moins une classe dans le panneau Données.</translation>
    </message>
    <message>
        <source>This build has no training pipeline; phases cannot run.</source>
        <translation>Cette version n’a pas de chaîne d’entraînement ; les phases ne peuvent pas s’exécuter.</translation>
    </message>
    <message>
        <source>Disabled: %1</source>
        <translation>Désactivé : %1</translation>
    </message>
    <message>
        <source>Cannot run: %1</source>
        <translation>Exécution impossible : %1</translation>
    </message>
    <message>
        <source>Layers: %1 · %2 neurons · %3 synapses</source>
        <translation>Couches : %1 · %2 neurones · %3 synapses</translation>
    </message>
    <message>
        <source>%1[*] — SpikingConvNet Workbench</source>
        <translation>%1[*] — SpikingConvNet Workbench</translation>
    </message>
    <message>
        <source>%1 (step %2 of %3)</source>
        <translation>%1 (étape %2 sur %3)</translation>
    </message>
    <message>
        <source>%1 of %2 · %3/s · ETA %4</source>
        <translation>%1 sur %2 · %3/s · reste %4</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message>
        <source>The experiment “%1” has changes that are not saved. Save them?</source>
        <translation>L’expérience « %1 » a des modifications non enregistrées. Les enregistrer ?</translation>
    </message>
    <message>
        <source>New experiment: %1</source>
        <translation>Nouvelle expérience : %1</translation>
    </message>
    <message>
        <source>Open Experiment Folder</source>
        <translation>Ouvrir un dossier d’expérience</translation>
    </message>
    <message>
        <source>Could not open %1: %2</source>
        <translation>Impossible d’ouvrir %1 : %2</translation>
    </message>
    <message>
        <source>Cannot open experiment</source>
        <translation>Impossible d’ouvrir l’expérience</translation>
    </message>
    <message>
        <source>Could not open “%1”:
%2</source>
        <translation>Impossible d’ouvrir « %1 » :
%2</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>%1 ouvert</translation>
    </message>
    <message>
        <source>Save Experiment As Folder</source>
        <translation>Enregistrer l’expérience dans un dossier</translation>
    </message>
    <message>
        <source>Cannot save experiment</source>
        <translation>Impossible d’enregistrer l’expérience</translation>
    </message>
    <message>
        <source>Could not save “%1”:
%2</source>
        <translation>Impossible d’enregistrer « %1 » :
%2</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 enregistré</translation>
    </message>
    <message>
        <source>No recent experiments</source>
        <translation>Aucune expérience récente</translation>
    </message>
    <message>
        <source>Clear List</source>
        <translation>Vider la liste</translation>
    </message>
    <message>
        <source>Choose Data Folder</source>
        <translation>Choisir le dossier de données</translation>
    </message>
    <message>
        <source>Import Original Weights: Choose the model Folder</source>
        <translation>Importer les poids originaux : choisir le dossier model</translation>
    </message>
    <message>
        <source>Import Original Weights</source>
        <translation>Importer les poids originaux</translation>
    </message>
    <message>
        <source>Export Plot</source>
        <translation>Exporter le graphique</translation>
    </message>
    <message>
        <source>Cannot export plot</source>
        <translation>Impossible d’exporter le graphique</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>%1 exporté</translation>
    </message>
    <message>
        <source>About SpikingConvNet Workbench</source>
        <translation>À propos de SpikingConvNet Workbench</translation>
    </message>
    <message>
        <source>&lt;h3&gt;SpikingConvNet Workbench %1&lt;/h3&gt;&lt;p&gt;Design spiking convolutional networks, train them layer by layer with STDP on an embedded simulator or SpiNNaker, read them out with a linear SVM, and watch them learn.&lt;/p&gt;&lt;p&gt;Views library %2. Licensed under the GNU GPL, version 3 or later.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;SpikingConvNet Workbench %1&lt;/h3&gt;&lt;p&gt;Concevoir des réseaux convolutifs impulsionnels, les entraîner couche par couche par STDP sur un simulateur intégré ou sur SpiNNaker, les lire avec une SVM linéaire et les regarder apprendre.&lt;/p&gt;&lt;p&gt;Bibliothèque de vues %2. Sous licence GNU GPL, version 3 ou ultérieure.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>The accuracy of every test run appears here.</source>
        <translation>La précision de chaque test apparaît ici.</translation>
    </message>
    <message>
        <source>Inputs</source>
        <translation>Entrées</translation>
    </message>
    <message>
        <source>Embedded simulator, SpiNNaker arithmetic</source>
        <translation>Simulateur intégré, arithmétique SpiNNaker</translation>
    </message>
    <message>
        <source>PyNN script: %1</source>
        <translation>Script PyNN : %1</translation>
    </message>
    <message>
        <source>Imported %1 weight file(s) from %2</source>
        <translation>%1 fichier(s) de poids importé(s) depuis %2</translation>
    </message>
    <message>
        <source>Could not import from “%1”:
%2</source>
        <translation>Impossible d’importer depuis « %1 » :
%2</translation>
    </message>
    <message>
        <source>&amp;SpiNNaker Settings…</source>
        <translation>Réglages &amp;SpiNNaker…</translation>
    </message>
    <message>
        <source>Board or spalloc server, mapping, Python interpreter, connection test</source>
        <translation>Carte ou serveur spalloc, répartition, interpréteur Python, test de connexion</translation>
    </message>
    <message>
        <source>SpiNNaker</source>
        <translation>SpiNNaker</translation>
    </message>
    <message>
        <source>Live spikes: listening for the toolchain on port %1, for spikes on port %2</source>
        <translation>Impulsions en direct : écoute de la chaîne d’outils sur le port %1, des impulsions sur le port %2</translation>
    </message>
    <message>
        <source>Live spikes are off for this run: %1</source>
        <translation>Pas d’impulsions en direct pour cette exécution : %1</translation>
    </message>
    <message>
        <source>SpiNNaker settings</source>
        <translation>Réglages SpiNNaker</translation>
    </message>
    <message>
        <source>The SpiNNaker settings are not complete:
%1</source>
        <translation>Les réglages SpiNNaker sont incomplets :
%1</translation>
    </message>
    <message>
        <source>Train layer %1: %2 images × %3 windows × %4 ms × time scale factor %5 = %6 h</source>
        <translation>Entraîner la couche %1 : %2 images × %3 fenêtres × %4 ms × facteur d’échelle de temps %5 = %6 h</translation>
    </message>
    <message>
        <source>On the board: %1</source>
        <translation>Sur la carte : %1</translation>
    </message>
    <message>
        <source>Long run on SpiNNaker</source>
        <translation>Longue exécution sur SpiNNaker</translation>
    </message>
    <message>
        <source>Training on the board takes %1 h of real time (mapping and loading not included):</source>
        <translation>L’entraînement sur la carte dure %1 h en temps réel (placement et chargement non compris) :</translation>
    </message>
    <message>
        <source>Start it anyway?</source>
        <translation>Le lancer quand même ?</translation>
    </message>
    <message>
        <source>The board run was not started.</source>
        <translation>L’exécution sur la carte n’a pas été lancée.</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>&amp;Annuler : %1</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>&amp;Rétablir : %1</translation>
    </message>
    <message>
        <source>Encoding and Timing</source>
        <translation>Codage et temporisation</translation>
    </message>
    <message>
        <source>Kernel heatmaps</source>
        <translation>Cartes de chaleur des noyaux</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Variation</translation>
    </message>
    <message>
        <source>Weight change (after − before)</source>
        <translation>Variation des poids (après − avant)</translation>
    </message>
    <message>
        <source>Raster</source>
        <translation>Raster</translation>
    </message>
    <message>
        <source>Input (blue) and kernel (red) spikes of a layer appear here while and after it trains.</source>
        <translation>Les impulsions d’entrée (bleu) et des noyaux (rouge) d’une couche apparaissent ici pendant et après son entraînement.</translation>
    </message>
    <message>
        <source>Membrane potentials</source>
        <translation>Potentiels de membrane</translation>
    </message>
    <message>
        <source>Membrane potentials of the first kernels appear here while and after a layer trains.</source>
        <translation>Les potentiels de membrane des premiers noyaux apparaissent ici pendant et après l’entraînement d’une couche.</translation>
    </message>
    <message>
        <source>Layer activity: spike counts per kernel map</source>
        <translation>Activité de la couche : impulsions par carte de noyau</translation>
    </message>
    <message>
        <source>Spike counts per kernel map appear here while a layer trains, and for the last layer after the SVM or a test.</source>
        <translation>Les impulsions par carte de noyau apparaissent ici pendant l’entraînement d’une couche, et pour la dernière couche après la SVM ou un test.</translation>
    </message>
    <message>
        <source>Accuracy of every test run</source>
        <translation>Exactitude de chaque test</translation>
    </message>
    <message>
        <source>Confusion matrix</source>
        <translation>Matrice de confusion</translation>
    </message>
    <message>
        <source>Input images</source>
        <translation>Images d’entrée</translation>
    </message>
    <message>
        <source>The input images appear here once the data are found, and the images being presented while a phase runs.</source>
        <translation>Les images d’entrée apparaissent ici dès que les données sont trouvées, et pendant une phase les images présentées.</translation>
    </message>
    <message>
        <source>The window now uses the new language; the SpiNNaker panel follows when the workbench starts next.</source>
        <translation>La fenêtre utilise maintenant la nouvelle langue ; le panneau SpiNNaker suivra au prochain démarrage.</translation>
    </message>
    <message>
        <source>A phase is running</source>
        <translation>Une phase est en cours</translation>
    </message>
    <message>
        <source>Stop the running phase and close? The experiment stays as it was before the phase.</source>
        <translation>Arrêter la phase en cours et fermer ? L’expérience reste telle qu’elle était avant la phase.</translation>
    </message>
    <message>
        <source>Stop and Close</source>
        <translation>Arrêter et fermer</translation>
    </message>
    <message>
        <source>Keep Running</source>
        <translation>Continuer</translation>
    </message>
</context>
<context>
    <name>scnn::app::ParameterEditor</name>
    <message>
        <source>Original default: %1%2</source>
        <translation>Valeur par défaut d’origine : %1%2</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>Couche</translation>
    </message>
    <message>
        <source>Restore defaults</source>
        <translation>Rétablir les valeurs par défaut</translation>
    </message>
    <message>
        <source>Set this layer&apos;s parameters to the original package&apos;s values for its depth</source>
        <translation>Remettre les paramètres de cette couche aux valeurs du paquet original pour sa profondeur</translation>
    </message>
    <message>
        <source>Pooling layers have no parameters.</source>
        <translation>Les couches de pooling n’ont pas de paramètres.</translation>
    </message>
    <message>
        <source>Neurons (IF_curr_exp)</source>
        <translation>Neurones (IF_curr_exp)</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Entraînement</translation>
    </message>
    <message>
        <source>Rebuild</source>
        <translation>Reconstruction</translation>
    </message>
    <message>
        <source>While the layer learns with STDP</source>
        <translation>Pendant que la couche apprend par STDP</translation>
    </message>
    <message>
        <source>When the layer runs with its learned weights</source>
        <translation>Quand la couche fonctionne avec ses poids appris</translation>
    </message>
    <message>
        <source>Plasticity (STDP)</source>
        <translation>Plasticité (STDP)</translation>
    </message>
    <message>
        <source>Spike pair, additive</source>
        <translation>Paire d’impulsions, additive</translation>
    </message>
    <message>
        <source>Multiplicative</source>
        <translation>Multiplicative</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Règle</translation>
    </message>
    <message>
        <source>Lateral inhibition</source>
        <translation>Inhibition latérale</translation>
    </message>
    <message>
        <source>Winner takes all among the kernels</source>
        <translation>Le gagnant prend tout parmi les noyaux</translation>
    </message>
    <message>
        <source> nA</source>
        <translation> nA</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Poids</translation>
    </message>
    <message>
        <source>Delay</source>
        <translation>Délai</translation>
    </message>
    <message>
        <source>%1 · Convolution</source>
        <translation>%1 · Convolution</translation>
    </message>
    <message>
        <source>%1 · Max pooling</source>
        <translation>%1 · Max-pooling</translation>
    </message>
    <message>
        <source>Shared-kernel WTA training (fast, latency-coded)</source>
        <translation>Entraînement WTA à noyaux partagés (rapide, codé en latence)</translation>
    </message>
    <message>
        <source>Default: %1</source>
        <translation>Par défaut : %1</translation>
    </message>
    <message>
        <source>A neuron fires once, in the first time bin where the sum of the weights of its inputs that have spiked reaches this (0: never fires). Default: %1</source>
        <translation>Un neurone émet une fois, dans le premier intervalle où la somme des poids de ses entrées déjà actives atteint cette valeur (0 : n’émet jamais). Par défaut : %1</translation>
    </message>
    <message>
        <source>At most this many kernel maps win per image, at most one per map. Default: %1</source>
        <translation>Au plus ce nombre de cartes gagnent par image, au plus une position par carte. Par défaut : %1</translation>
    </message>
    <message>
        <source>Both rates double every this many images until a⁺ reaches its largest value (0: constant). Default: %1</source>
        <translation>Les deux taux doublent toutes les N images jusqu’à ce que a⁺ atteigne sa plus grande valeur (0 : constants). Par défaut : %1</translation>
    </message>
    <message>
        <source>Images the layer learns from (0: all training examples). Default: %1</source>
        <translation>Images dont la couche apprend (0 : tous les exemples d’entraînement). Par défaut : %1</translation>
    </message>
    <message>
        <source>This layer trains in this mode; the neuron, STDP and inhibition settings below are not used.</source>
        <translation>Cette couche s’entraîne dans ce mode ; les réglages des neurones, de la STDP et de l’inhibition ci-dessous ne sont pas utilisés.</translation>
    </message>
    <message>
        <source>This layer trains in the original windowed mode; these settings apply only in the shared-WTA mode.</source>
        <translation>Cette couche s’entraîne dans le mode original par fenêtres ; ces réglages ne s’appliquent qu’au mode WTA partagé.</translation>
    </message>
    <message>
        <source>Firing threshold</source>
        <translation>Seuil de décharge</translation>
    </message>
    <message>
        <source>Σw</source>
        <translation>Σw</translation>
    </message>
    <message>
        <source>Winners per image</source>
        <translation>Gagnants par image</translation>
    </message>
    <message>
        <source>Inhibition radius</source>
        <translation>Rayon d’inhibition</translation>
    </message>
    <message>
        <source>positions</source>
        <translation>positions</translation>
    </message>
    <message>
        <source>Initial a⁺</source>
        <translation>a⁺ initial</translation>
    </message>
    <message>
        <source>Initial a⁻</source>
        <translation>a⁻ initial</translation>
    </message>
    <message>
        <source>Largest a⁺</source>
        <translation>a⁺ maximal</translation>
    </message>
    <message>
        <source>Rates double every</source>
        <translation>Les taux doublent toutes les</translation>
    </message>
    <message>
        <source>images</source>
        <translation>images</translation>
    </message>
    <message>
        <source>Initial weight mean</source>
        <translation>Moyenne des poids initiaux</translation>
    </message>
    <message>
        <source>Initial weight spread</source>
        <translation>Dispersion des poids initiaux</translation>
    </message>
    <message>
        <source>Training images</source>
        <translation>Images d’entraînement</translation>
    </message>
</context>
<context>
    <name>scnn::app::PipelinePhases</name>
    <message>
        <source>%1 #%2 (%3)</source>
        <translation>%1 nº %2 (%3)</translation>
    </message>
    <message>
        <source>training</source>
        <translation>entraînement</translation>
    </message>
    <message>
        <source>test</source>
        <translation>test</translation>
    </message>
</context>
<context>
    <name>scnn::app::RunController</name>
    <message>
        <source>Train layer %1</source>
        <translation>Entraîner la couche %1</translation>
    </message>
    <message>
        <source>Train SVM</source>
        <translation>Entraîner la SVM</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Tester</translation>
    </message>
    <message>
        <source>Run all</source>
        <translation>Tout exécuter</translation>
    </message>
    <message>
        <source>%1 started</source>
        <translation>%1 démarré</translation>
    </message>
    <message>
        <source>%1 finished in %2 s</source>
        <translation>%1 terminé en %2 s</translation>
    </message>
    <message>
        <source>%1 finished in %2 s: %3</source>
        <translation>%1 terminé en %2 s : %3</translation>
    </message>
    <message>
        <source>%1 cancelled; the experiment is unchanged</source>
        <translation>%1 arrêté ; l’expérience est inchangée</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>Échec de %1 : %2</translation>
    </message>
    <message>
        <source>The running phase was abandoned</source>
        <translation>La phase en cours a été abandonnée</translation>
    </message>
</context>
<context>
    <name>scnn::app::RunLimits</name>
    <message>
        <source>Not enough examples</source>
        <translation>Pas assez d’exemples</translation>
    </message>
    <message>
        <source>The data does not hold the examples asked for:

%1

Lower the examples per class in the Data panel or choose other classes.</source>
        <translation>Les données ne contiennent pas les exemples demandés :

%1

Réduisez le nombre d’exemples par classe dans le panneau Données ou choisissez d’autres classes.</translation>
    </message>
    <message>
        <source>This run may not work out on the embedded simulator:

%1</source>
        <translation>Ce lancement risque d’échouer sur le simulateur intégré :

%1</translation>
    </message>
    <message>
        <source>Run anyway?</source>
        <translation>Lancer quand même ?</translation>
    </message>
    <message>
        <source>Run Anyway</source>
        <translation>Lancer quand même</translation>
    </message>
</context>
<context>
    <name>scnn::app::RunWorker</name>
    <message>
        <source>out of memory: the phase needed more memory than the computer could give; use fewer examples or a smaller network</source>
        <translation>mémoire insuffisante : la phase demandait plus de mémoire que l’ordinateur ne pouvait en fournir ; utilisez moins d’exemples ou un réseau plus petit</translation>
    </message>
</context>
<context>
    <name>scnn::app::SpinnakerPanel</name>
    <message>
        <source>Machine (this computer)</source>
        <translation>Machine (cet ordinateur)</translation>
    </message>
    <message>
        <source>Board on the network</source>
        <translation>Carte sur le réseau</translation>
    </message>
    <message>
        <source>spalloc server</source>
        <translation>serveur spalloc</translation>
    </message>
    <message>
        <source>Virtual board (no hardware)</source>
        <translation>Carte virtuelle (sans matériel)</translation>
    </message>
    <message>
        <source>How sPyNNaker finds its machine</source>
        <translation>Comment sPyNNaker trouve sa machine</translation>
    </message>
    <message>
        <source>e.g. 192.168.240.253</source>
        <translation>p. ex. 192.168.240.253</translation>
    </message>
    <message>
        <source>5: SpiNN-5, 48 chips</source>
        <translation>5 : SpiNN-5, 48 puces</translation>
    </message>
    <message>
        <source>3: SpiNN-3, 4 chips</source>
        <translation>3 : SpiNN-3, 4 puces</translation>
    </message>
    <message>
        <source>e.g. spinnaker.cs.man.ac.uk</source>
        <translation>p. ex. spinnaker.cs.man.ac.uk</translation>
    </message>
    <message>
        <source>any</source>
        <translation>quelconque</translation>
    </message>
    <message>
        <source>The network is mapped without hardware; nothing runs. Useful to check that it fits.</source>
        <translation>Le réseau est placé sans matériel ; rien ne s’exécute. Utile pour vérifier qu’il tient.</translation>
    </message>
    <message>
        <source>Board host:</source>
        <translation>Hôte de la carte :</translation>
    </message>
    <message>
        <source>Board version:</source>
        <translation>Version de la carte :</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>Serveur :</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Port :</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>Utilisateur :</translation>
    </message>
    <message>
        <source>Machine:</source>
        <translation>Machine :</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Tester la connexion</translation>
    </message>
    <message>
        <source>Ask the board who it is (SCP version command; it never boots or changes the board)</source>
        <translation>Demander à la carte qui elle est (commande SCP de version ; ne démarre ni ne modifie jamais la carte)</translation>
    </message>
    <message>
        <source>Mapping (saved with the experiment)</source>
        <translation>Répartition (enregistrée avec l’expérience)</translation>
    </message>
    <message>
        <source>Neurons of one population on one core (at most 256; the original used 100)</source>
        <translation>Neurones d’une population sur un cœur (au plus 256 ; l’original en utilisait 100)</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Par défaut</translation>
    </message>
    <message>
        <source>How many times slower than real time the board runs (0: sPyNNaker&apos;s default)</source>
        <translation>Combien de fois plus lentement que le temps réel la carte s’exécute (0 : valeur par défaut de sPyNNaker)</translation>
    </message>
    <message>
        <source>Neurons per core:</source>
        <translation>Neurones par cœur :</translation>
    </message>
    <message>
        <source>Time scale factor:</source>
        <translation>Facteur d’échelle de temps :</translation>
    </message>
    <message>
        <source>Toolchain (this computer)</source>
        <translation>Chaîne d’outils (cet ordinateur)</translation>
    </message>
    <message>
        <source>Python interpreter:</source>
        <translation>Interpréteur Python :</translation>
    </message>
    <message>
        <source>Real time on the board</source>
        <translation>Temps réel sur la carte</translation>
    </message>
    <message>
        <source>Default (%1)</source>
        <translation>Par défaut (%1)</translation>
    </message>
    <message>
        <source>Enter the board&apos;s IP address or host name.</source>
        <translation>Saisissez l’adresse IP ou le nom d’hôte de la carte.</translation>
    </message>
    <message>
        <source>A board host has no spaces and no port: “%1”.</source>
        <translation>Un hôte de carte n’a ni espace ni port : « %1 ».</translation>
    </message>
    <message>
        <source>Enter the spalloc server&apos;s host name.</source>
        <translation>Saisissez le nom d’hôte du serveur spalloc.</translation>
    </message>
    <message>
        <source>A server name has no spaces and no port (the port has its own field): “%1”.</source>
        <translation>Un nom de serveur n’a ni espace ni port (le port a son propre champ) : « %1 ».</translation>
    </message>
    <message>
        <source>spalloc needs the user name of your account.</source>
        <translation>spalloc a besoin du nom d’utilisateur de votre compte.</translation>
    </message>
    <message>
        <source>There is no file “%1”.</source>
        <translation>Le fichier « %1 » n’existe pas.</translation>
    </message>
    <message>
        <source>“%1” is not an executable program.</source>
        <translation>« %1 » n’est pas un programme exécutable.</translation>
    </message>
    <message>
        <source>No program “%1” on the PATH.</source>
        <translation>Aucun programme « %1 » dans le PATH.</translation>
    </message>
    <message>
        <source>With a timestep of %1 ms the time scale factor must be at least %2: sPyNNaker refuses to run faster than 1 ms of real time per step.</source>
        <translation>Avec un pas de temps de %1 ms, le facteur d’échelle de temps doit valoir au moins %2 : sPyNNaker refuse d’aller plus vite que 1 ms de temps réel par pas.</translation>
    </message>
    <message>
        <source>IP address or host name of the board (its Ethernet chip)</source>
        <translation>Adresse IP ou nom d’hôte de la carte (sa puce Ethernet)</translation>
    </message>
    <message>
        <source>Host name of the spalloc server</source>
        <translation>Nom d’hôte du serveur spalloc</translation>
    </message>
    <message>
        <source>Your spalloc user name</source>
        <translation>Votre nom d’utilisateur spalloc</translation>
    </message>
    <message>
        <source>The interpreter that has PyNN and sPyNNaker (or NEST, Brian 2)</source>
        <translation>L’interpréteur qui a PyNN et sPyNNaker (ou NEST, Brian 2)</translation>
    </message>
    <message>
        <source>The experiment&apos;s SpiNNaker settings are wrong: %1</source>
        <translation>Les réglages SpiNNaker de l’expérience sont erronés : %1</translation>
    </message>
    <message>
        <source>about %1</source>
        <translation>environ %1</translation>
    </message>
    <message>
        <source>Train layer %1: %2 images × %3 windows × %4 ms × time scale %5 = %6 h</source>
        <translation>Entraîner la couche %1 : %2 images × %3 fenêtres × %4 ms × échelle de temps %5 = %6 h</translation>
    </message>
    <message>
        <source>No layer trains with windows.</source>
        <translation>Aucune couche ne s’entraîne par fenêtres.</translation>
    </message>
    <message>
        <source>Real time only: mapping, loading and reading back come on top.</source>
        <translation>Temps réel seulement : placement, chargement et relecture s’y ajoutent.</translation>
    </message>
    <message>
        <source>Enter a board host first; boards from spalloc are allocated for each run.</source>
        <translation>Saisissez d’abord un hôte de carte ; les cartes spalloc sont attribuées à chaque exécution.</translation>
    </message>
    <message>
        <source>Asking %1 (port %2) …</source>
        <translation>Interrogation de %1 (port %2) …</translation>
    </message>
    <message>
        <source>%1 %2 (%3) answered from chip (%4, %5), core %6; built %7.</source>
        <translation>%1 %2 (%3) a répondu depuis la puce (%4, %5), cœur %6 ; compilé le %7.</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Remarque : %1</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>Pas de réponse</translation>
    </message>
    <message>
        <source>Unreachable</source>
        <translation>Injoignable</translation>
    </message>
    <message>
        <source>Not a SpiNNaker answer</source>
        <translation>Pas une réponse SpiNNaker</translation>
    </message>
    <message>
        <source>The board refused</source>
        <translation>La carte a refusé</translation>
    </message>
    <message>
        <source>Still booting</source>
        <translation>Démarrage en cours</translation>
    </message>
    <message>
        <source>Bad address</source>
        <translation>Adresse invalide</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulé</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
</context>
<context>
    <name>scnn::views::AccuracyChartView</name>
    <message>
        <source>Test accuracy per run</source>
        <translation>Précision du test par exécution</translation>
    </message>
    <message>
        <source>Run %1: %2 %</source>
        <translation>Exécution %1 : %2 %</translation>
    </message>
    <message>
        <source>date</source>
        <translation>date</translation>
    </message>
    <message>
        <source>run</source>
        <translation>exécution</translation>
    </message>
    <message>
        <source>accuracy (%)</source>
        <translation>précision (%)</translation>
    </message>
    <message>
        <source>Dates on the x axis</source>
        <translation>Dates sur l’axe des x</translation>
    </message>
    <message>
        <source>test accuracy</source>
        <translation>précision du test</translation>
    </message>
</context>
<context>
    <name>scnn::views::ActivityView</name>
    <message>
        <source>spikes per neuron</source>
        <translation>impulsions par neurone</translation>
    </message>
    <message>
        <source>Map %1, row %2, column %3: %4 spikes</source>
        <translation>Carte %1, ligne %2, colonne %3 : %4 impulsions</translation>
    </message>
</context>
<context>
    <name>scnn::views::ConfusionMatrixView</name>
    <message>
        <source>predicted class</source>
        <translation>classe prédite</translation>
    </message>
    <message>
        <source>true class</source>
        <translation>classe réelle</translation>
    </message>
    <message>
        <source>precision</source>
        <translation>précision</translation>
    </message>
    <message>
        <source>recall</source>
        <translation>rappel</translation>
    </message>
    <message>
        <source>Accuracy %1 (%2 of %3 examples)</source>
        <translation>Exactitude %1 (%2 exemples sur %3)</translation>
    </message>
    <message>
        <source>No test results</source>
        <translation>Aucun résultat de test</translation>
    </message>
    <message>
        <source>True class %1 predicted as %2: %3 of %4 examples (%5)
Recall of %1: %6 · precision of %2: %7</source>
        <translation>Classe réelle %1 prédite comme %2 : %3 exemples sur %4 (%5)
Rappel de %1 : %6 · précision de %2 : %7</translation>
    </message>
</context>
<context>
    <name>scnn::views::ImageGridView</name>
    <message>
        <source>No images</source>
        <translation>Aucune image</translation>
    </message>
</context>
<context>
    <name>scnn::views::KernelGridView</name>
    <message>
        <source>weight</source>
        <translation>poids</translation>
    </message>
    <message>
        <source>−max</source>
        <translation>−max</translation>
    </message>
    <message>
        <source>0</source>
        <translation>0</translation>
    </message>
    <message>
        <source>+max</source>
        <translation>+max</translation>
    </message>
    <message>
        <source>min</source>
        <translation>min</translation>
    </message>
    <message>
        <source>max</source>
        <translation>max</translation>
    </message>
    <message>
        <source>weight change (after − before)</source>
        <translation>variation des poids (après − avant)</translation>
    </message>
    <message>
        <source>, per kernel</source>
        <translation>, par noyau</translation>
    </message>
    <message>
        <source>weight change: no reference weights</source>
        <translation>variation des poids : pas de poids de référence</translation>
    </message>
    <message numerus="yes">
        <source>mean of %n channel(s)</source>
        <translation>
            <numerusform>moyenne de %n canal</numerusform>
            <numerusform>moyenne de %n canaux</numerusform>
        </translation>
    </message>
    <message>
        <source>channel %1</source>
        <translation>canal %1</translation>
    </message>
    <message>
        <source>weight %1</source>
        <translation>poids %1</translation>
    </message>
    <message>
        <source>, before %1, change %2</source>
        <translation>, avant %1, variation %2</translation>
    </message>
    <message>
        <source>Kernel %1, row %2, column %3, %4</source>
        <translation>Noyau %1, ligne %2, colonne %3, %4</translation>
    </message>
    <message>
        <source>replica %1</source>
        <translation>réplique %1</translation>
    </message>
    <message>
        <source>Show weight change (after − before)</source>
        <translation>Afficher la variation des poids (après − avant)</translation>
    </message>
    <message>
        <source>Scale each kernel to its own range</source>
        <translation>Mettre chaque noyau à sa propre échelle</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Canaux</translation>
    </message>
    <message>
        <source>Channel %1</source>
        <translation>Canal %1</translation>
    </message>
    <message>
        <source>Average of all channels</source>
        <translation>Moyenne de tous les canaux</translation>
    </message>
    <message>
        <source>Every channel side by side</source>
        <translation>Tous les canaux côte à côte</translation>
    </message>
</context>
<context>
    <name>scnn::views::MembraneTraceView</name>
    <message>
        <source>time (ms)</source>
        <translation>temps (ms)</translation>
    </message>
    <message>
        <source>membrane potential (mV)</source>
        <translation>potentiel de membrane (mV)</translation>
    </message>
    <message>
        <source>threshold</source>
        <translation>seuil</translation>
    </message>
    <message>
        <source>reset</source>
        <translation>réinitialisation</translation>
    </message>
    <message>
        <source>neuron %1</source>
        <translation>neurone %1</translation>
    </message>
    <message>
        <source>Reset view</source>
        <translation>Réinitialiser la vue</translation>
    </message>
</context>
<context>
    <name>scnn::views::PlotExport</name>
    <message>
        <source>PNG image (*.png)</source>
        <translation>Image PNG (*.png)</translation>
    </message>
    <message>
        <source>SVG drawing (*.svg)</source>
        <translation>Dessin SVG (*.svg)</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>Document PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Cannot export to “%1”: unknown file type “.%2”; use .png, .svg or .pdf.</source>
        <translation>Impossible d’exporter vers « %1 » : type de fichier « .%2 » inconnu ; utilisez .png, .svg ou .pdf.</translation>
    </message>
    <message>
        <source>Cannot export to “%1”: the view has no size (%2×%3 pixels).</source>
        <translation>Impossible d’exporter vers « %1 » : la vue n’a pas de taille (%2×%3 pixels).</translation>
    </message>
    <message>
        <source>Cannot export to “%1”: the folder “%2” does not exist or is not writable.</source>
        <translation>Impossible d’exporter vers « %1 » : le dossier « %2 » n’existe pas ou n’est pas accessible en écriture.</translation>
    </message>
    <message>
        <source>Cannot export to “%1”: the existing file cannot be replaced.</source>
        <translation>Impossible d’exporter vers « %1 » : le fichier existant ne peut pas être remplacé.</translation>
    </message>
    <message>
        <source>Cannot export to “%1”: an image of %2×%3 pixels is too large.</source>
        <translation>Impossible d’exporter vers « %1 » : une image de %2×%3 pixels est trop grande.</translation>
    </message>
    <message>
        <source>Cannot write the PNG file “%1”.</source>
        <translation>Impossible d’écrire le fichier PNG « %1 ».</translation>
    </message>
    <message>
        <source>Exported by SpikingConvNet Workbench</source>
        <translation>Exporté par SpikingConvNet Workbench</translation>
    </message>
    <message>
        <source>Cannot write the SVG file “%1”.</source>
        <translation>Impossible d’écrire le fichier SVG « %1 ».</translation>
    </message>
    <message>
        <source>SpikingConvNet Workbench</source>
        <translation>SpikingConvNet Workbench</translation>
    </message>
    <message>
        <source>Cannot write the PDF file “%1”.</source>
        <translation>Impossible d’écrire le fichier PDF « %1 ».</translation>
    </message>
</context>
<context>
    <name>scnn::views::PlotView</name>
    <message>
        <source>plot</source>
        <translation>graphique</translation>
    </message>
    <message>
        <source>Export view</source>
        <translation>Exporter la vue</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exporter…</translation>
    </message>
</context>
<context>
    <name>scnn::views::SpikeRasterView</name>
    <message>
        <source>pre-synaptic</source>
        <translation>présynaptique</translation>
    </message>
    <message>
        <source>post-synaptic</source>
        <translation>postsynaptique</translation>
    </message>
    <message>
        <source>time (ms)</source>
        <translation>temps (ms)</translation>
    </message>
    <message>
        <source>neuron</source>
        <translation>neurone</translation>
    </message>
    <message>
        <source>Reset view</source>
        <translation>Réinitialiser la vue</translation>
    </message>
</context>
</TS>
