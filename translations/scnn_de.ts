<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Live</name>
    <message>
        <source>kernel %1</source>
        <translation>Kern %1</translation>
    </message>
</context>
<context>
    <name>Presets</name>
    <message>
        <source>Original 2018 network (MNIST 0, 1, 7, 8)</source>
        <translation>Originalnetz von 2018 (MNIST 0, 1, 7, 8)</translation>
    </message>
    <message>
        <source>One convolution of 4 kernels 4×4 at stride 3, as in SpikingConvNet</source>
        <translation>Eine Faltung mit 4 Kernen 4×4 und Schrittweite 3, wie in SpikingConvNet</translation>
    </message>
    <message>
        <source>Deeper network (MNIST, all digits)</source>
        <translation>Tieferes Netz (MNIST, alle Ziffern)</translation>
    </message>
    <message>
        <source>Two convolutions with pooling between them, all ten digits</source>
        <translation>Zwei Faltungen mit Pooling dazwischen, alle zehn Ziffern</translation>
    </message>
    <message>
        <source>Classroom (fast)</source>
        <translation>Unterricht (schnell)</translation>
    </message>
    <message>
        <source>A small network whose kernels visibly learn strokes within seconds</source>
        <translation>Ein kleines Netz, dessen Kerne in Sekunden sichtbar Striche lernen</translation>
    </message>
</context>
<context>
    <name>Recorded</name>
    <message>
        <source>kernel %1</source>
        <translation>Kern %1</translation>
    </message>
    <message>
        <source>%1 examples, %2 s</source>
        <translation>%1 Beispiele, %2 s</translation>
    </message>
</context>
<context>
    <name>Texts</name>
    <message>
        <source>The kernel count %1 must be at least 1.</source>
        <translation>Die Kernanzahl %1 muss mindestens 1 sein.</translation>
    </message>
    <message>
        <source>The size %1 must be at least 1.</source>
        <translation>Die Größe %1 muss mindestens 1 sein.</translation>
    </message>
    <message>
        <source>The stride %1 must be at least 1.</source>
        <translation>Die Schrittweite %1 muss mindestens 1 sein.</translation>
    </message>
    <message>
        <source>Its input is empty: fix the layer above first.</source>
        <translation>Ihre Eingabe ist leer: Korrigieren Sie zuerst die Schicht darüber.</translation>
    </message>
    <message>
        <source>The kernel %1×%2 is larger than its input %3×%4.</source>
        <translation>Der Kern %1×%2 ist größer als seine Eingabe %3×%4.</translation>
    </message>
    <message>
        <source>The pooling window %1×%2 is larger than its input %3×%4.</source>
        <translation>Das Pooling-Fenster %1×%2 ist größer als seine Eingabe %3×%4.</translation>
    </message>
    <message>
        <source>The first layer must be a convolution: pooling the input learns nothing.</source>
        <translation>Die erste Schicht muss eine Faltung sein: Pooling der Eingabe lernt nichts.</translation>
    </message>
    <message>
        <source>The network has no layers: add a convolution.</source>
        <translation>Das Netz hat keine Schichten: Fügen Sie eine Faltung hinzu.</translation>
    </message>
    <message>
        <source>Layer %1: %2</source>
        <translation>Schicht %1: %2</translation>
    </message>
    <message>
        <source>Membrane capacitance</source>
        <translation>Membrankapazität</translation>
    </message>
    <message>
        <source>Membrane time constant</source>
        <translation>Membranzeitkonstante</translation>
    </message>
    <message>
        <source>Refractory period</source>
        <translation>Refraktärzeit</translation>
    </message>
    <message>
        <source>Resting potential</source>
        <translation>Ruhepotential</translation>
    </message>
    <message>
        <source>Reset potential</source>
        <translation>Rücksetzpotential</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>Schwelle</translation>
    </message>
    <message>
        <source>Excitatory synaptic time constant</source>
        <translation>Exzitatorische Synapsenzeitkonstante</translation>
    </message>
    <message>
        <source>Inhibitory synaptic time constant</source>
        <translation>Inhibitorische Synapsenzeitkonstante</translation>
    </message>
    <message>
        <source>Offset current</source>
        <translation>Offsetstrom</translation>
    </message>
    <message>
        <source>Potentiation time constant</source>
        <translation>Zeitkonstante der Potenzierung</translation>
    </message>
    <message>
        <source>Depression time constant</source>
        <translation>Zeitkonstante der Depression</translation>
    </message>
    <message>
        <source>Potentiation amplitude</source>
        <translation>Amplitude der Potenzierung</translation>
    </message>
    <message>
        <source>Depression amplitude</source>
        <translation>Amplitude der Depression</translation>
    </message>
    <message>
        <source>Minimum weight</source>
        <translation>Minimales Gewicht</translation>
    </message>
    <message>
        <source>Maximum weight</source>
        <translation>Maximales Gewicht</translation>
    </message>
    <message>
        <source>Initial weight mean</source>
        <translation>Mittelwert der Startgewichte</translation>
    </message>
    <message>
        <source>Initial weight spread</source>
        <translation>Streuung der Startgewichte</translation>
    </message>
    <message>
        <source>T-shirt/top</source>
        <translation>T-Shirt/Top</translation>
    </message>
    <message>
        <source>Trouser</source>
        <translation>Hose</translation>
    </message>
    <message>
        <source>Pullover</source>
        <translation>Pullover</translation>
    </message>
    <message>
        <source>Dress</source>
        <translation>Kleid</translation>
    </message>
    <message>
        <source>Coat</source>
        <translation>Mantel</translation>
    </message>
    <message>
        <source>Sandal</source>
        <translation>Sandale</translation>
    </message>
    <message>
        <source>Shirt</source>
        <translation>Hemd</translation>
    </message>
    <message>
        <source>Sneaker</source>
        <translation>Sneaker</translation>
    </message>
    <message>
        <source>Bag</source>
        <translation>Tasche</translation>
    </message>
    <message>
        <source>Ankle boot</source>
        <translation>Stiefelette</translation>
    </message>
    <message>
        <source>train layer %1: windows</source>
        <translation>Schicht %1 trainieren: Fenster</translation>
    </message>
    <message>
        <source>train layer %1: images</source>
        <translation>Schicht %1 trainieren: Bilder</translation>
    </message>
    <message>
        <source>train layer %1: rebuilding the layers below</source>
        <translation>Schicht %1 trainieren: Schichten darunter neu aufbauen</translation>
    </message>
    <message>
        <source>loading data</source>
        <translation>Daten werden geladen</translation>
    </message>
    <message>
        <source>SVM: features of the training examples</source>
        <translation>SVM: Merkmale der Trainingsbeispiele</translation>
    </message>
    <message>
        <source>SVM: choosing C</source>
        <translation>SVM: C wird gewählt</translation>
    </message>
    <message>
        <source>test: features of the test examples</source>
        <translation>Test: Merkmale der Testbeispiele</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Design, train and watch spiking convolutional neural networks.</source>
        <translation>Gepulste Faltungsnetze entwerfen, trainieren und beim Lernen zusehen.</translation>
    </message>
    <message>
        <source>Render the main window to the PNG file FILE and exit.</source>
        <translation>Das Hauptfenster in die PNG-Datei FILE zeichnen und beenden.</translation>
    </message>
    <message>
        <source>Use language LANG (en, de, fr) instead of the saved or system one.</source>
        <translation>Sprache LANG (en, de, fr) statt der gespeicherten oder der Systemsprache verwenden.</translation>
    </message>
    <message>
        <source>Start a new experiment from preset ID (seed, mnist, classroom).</source>
        <translation>Ein neues Experiment aus der Vorlage ID beginnen (seed, mnist, classroom).</translation>
    </message>
    <message>
        <source>Bring the panels or views NAMES (comma-separated, e.g. data,kernels) to the front.</source>
        <translation>Die Bereiche oder Ansichten NAMES (durch Kommas getrennt, z. B. data,kernels) nach vorne holen.</translation>
    </message>
    <message>
        <source>Experiment folder to open.</source>
        <translation>Zu öffnender Experimentordner.</translation>
    </message>
    <message>
        <source>Start in presentation mode (large fonts, full screen; Space starts and stops).</source>
        <translation>Im Präsentationsmodus starten (große Schrift, Vollbild; die Leertaste startet und stoppt).</translation>
    </message>
    <message>
        <source>scnn-workbench: unknown preset &apos;%1&apos; (%2)</source>
        <translation>scnn-workbench: unbekannte Vorlage „%1“ (%2)</translation>
    </message>
    <message>
        <source>With --screenshot: start Run all and take the screenshot when the first phase is PERCENT % done.</source>
        <translation>Mit --screenshot: „Alles ausführen“ starten und das Bildschirmfoto aufnehmen, wenn die erste Phase zu PERCENT % fertig ist.</translation>
    </message>
    <message>
        <source>scnn-workbench: --during-run needs --screenshot and a percentage from 0 to 100, not &apos;%1&apos;</source>
        <translation>scnn-workbench: --during-run braucht --screenshot und einen Prozentwert von 0 bis 100, nicht „%1“</translation>
    </message>
    <message>
        <source>unknown language &apos;%1&apos; (%2)</source>
        <translation>unbekannte Sprache „%1“ (%2)</translation>
    </message>
    <message>
        <source>one experiment folder at most, not %1</source>
        <translation>höchstens ein Experimentordner, nicht %1</translation>
    </message>
    <message>
        <source>--raise: no panel or view called &apos;%1&apos; (known: %2)</source>
        <translation>--raise: kein Bereich und keine Ansicht namens „%1“ (bekannt: %2)</translation>
    </message>
</context>
<context>
    <name>scnn::app::DataPanel</name>
    <message>
        <source>Dataset</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <source>MNIST digits</source>
        <translation>MNIST-Ziffern</translation>
    </message>
    <message>
        <source>Fashion-MNIST</source>
        <translation>Fashion-MNIST</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Bilder</translation>
    </message>
    <message>
        <source>Search the usual places</source>
        <translation>Die üblichen Orte durchsuchen</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Wählen …</translation>
    </message>
    <message>
        <source>Choose a folder with *-idx3-ubyte[.gz] files</source>
        <translation>Einen Ordner mit *-idx3-ubyte[.gz]-Dateien wählen</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>Installed Fashion-MNIST</source>
        <translation>Installiertes Fashion-MNIST</translation>
    </message>
    <message>
        <source>Search usual places</source>
        <translation>Übliche Orte durchsuchen</translation>
    </message>
    <message>
        <source>Classes</source>
        <translation>Klassen</translation>
    </message>
    <message>
        <source>Examples</source>
        <translation>Beispiele</translation>
    </message>
    <message>
        <source>Seeds the draw of examples and the initial weights</source>
        <translation>Startwert für die Auswahl der Beispiele und die Startgewichte</translation>
    </message>
    <message>
        <source>Training per class</source>
        <translation>Training pro Klasse</translation>
    </message>
    <message>
        <source>Test per class</source>
        <translation>Test pro Klasse</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Startwert</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>First %1 images of the training draw</source>
        <translation>Die ersten %1 Bilder der Trainingsauswahl</translation>
    </message>
    <message>
        <source>Choose at least one class.</source>
        <translation>Wählen Sie mindestens eine Klasse.</translation>
    </message>
    <message>
        <source>%1 training and %2 test examples</source>
        <translation>%1 Trainings- und %2 Testbeispiele</translation>
    </message>
    <message>
        <source>No dataset reader is available for the preview.</source>
        <translation>Für die Vorschau ist kein Datensatzleser verfügbar.</translation>
    </message>
    <message>
        <source>Reading images…</source>
        <translation>Bilder werden gelesen …</translation>
    </message>
</context>
<context>
    <name>scnn::app::EncodingEditor</name>
    <message>
        <source>Input encoding</source>
        <translation>Eingabekodierung</translation>
    </message>
    <message>
        <source>Rate code (regular, random phase)</source>
        <translation>Ratenkode (regelmäßig, zufällige Phase)</translation>
    </message>
    <message>
        <source>Time to first spike</source>
        <translation>Zeit bis zum ersten Spike</translation>
    </message>
    <message>
        <source>Poisson</source>
        <translation>Poisson</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Kodierung</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>Rate code: period = 255 / intensity × fire factor</source>
        <translation>Ratenkode: Periode = 255 / Intensität × Feuerfaktor</translation>
    </message>
    <message>
        <source>Fire factor</source>
        <translation>Feuerfaktor</translation>
    </message>
    <message>
        <source>Pixels below fire one random spike (rate code) or none (time code)</source>
        <translation>Pixel darunter feuern einen zufälligen Spike (Ratenkode) oder keinen (Zeitkode)</translation>
    </message>
    <message>
        <source>Intensity threshold</source>
        <translation>Intensitätsschwelle</translation>
    </message>
    <message>
        <source> Hz</source>
        <translation> Hz</translation>
    </message>
    <message>
        <source>Poisson rate at 255</source>
        <translation>Poisson-Rate bei 255</translation>
    </message>
    <message>
        <source>Difference-of-Gaussians filter</source>
        <translation>Difference-of-Gaussians-Filter</translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source>Centre sigma</source>
        <translation>Sigma Zentrum</translation>
    </message>
    <message>
        <source>Surround sigma</source>
        <translation>Sigma Umfeld</translation>
    </message>
    <message>
        <source>Timing</source>
        <translation>Zeitablauf</translation>
    </message>
    <message>
        <source>Timestep</source>
        <translation>Zeitschritt</translation>
    </message>
    <message>
        <source>Synaptic delay</source>
        <translation>Synaptische Verzögerung</translation>
    </message>
    <message>
        <source>Presentation window</source>
        <translation>Präsentationsfenster</translation>
    </message>
    <message>
        <source>Silent tail</source>
        <translation>Stille Pause</translation>
    </message>
    <message>
        <source>Restore defaults</source>
        <translation>Standardwerte wiederherstellen</translation>
    </message>
    <message>
        <source>Set encoding and timing to the original package&apos;s values</source>
        <translation>Kodierung und Zeitablauf auf die Werte des Originalpakets setzen</translation>
    </message>
    <message>
        <source>Latency code (shared-WTA layers)</source>
        <translation>Latenzcode (Shared-WTA-Schichten)</translation>
    </message>
    <message>
        <source>DoG responses above the threshold are ranked, strongest first, into time bins; the centre and surround sigmas above are used at every scale.</source>
        <translation>DoG-Antworten über der Schwelle werden nach Stärke geordnet (die stärkste zuerst) auf Zeitabschnitte verteilt; die Zentrums- und Umfeld-Sigmas oben gelten auf jeder Skala.</translation>
    </message>
    <message>
        <source> bins</source>
        <translation> Abschnitte</translation>
    </message>
    <message>
        <source>Time bins per image. Default: %1</source>
        <translation>Zeitabschnitte pro Bild. Standard: %1</translation>
    </message>
    <message>
        <source>Time bins</source>
        <translation>Zeitabschnitte</translation>
    </message>
    <message>
        <source>Weakest DoG response that fires, on the 0 … 1 pixel scale. Default: %1</source>
        <translation>Schwächste DoG-Antwort, die noch feuert, auf der Pixelskala 0 … 1. Standard: %1</translation>
    </message>
    <message>
        <source>Response threshold</source>
        <translation>Antwortschwelle</translation>
    </message>
    <message>
        <source>DoG window at the first scale, odd. Default: %1 px</source>
        <translation>DoG-Fenster auf der ersten Skala, ungerade. Standard: %1 px</translation>
    </message>
    <message>
        <source>DoG window</source>
        <translation>DoG-Fenster</translation>
    </message>
    <message>
        <source>Scale s doubles both sigmas s times; each adds an on and an off channel. Default: %1</source>
        <translation>Skala s verdoppelt beide Sigmas s-mal; jede fügt einen On- und einen Off-Kanal hinzu. Standard: %1</translation>
    </message>
    <message>
        <source>DoG scales</source>
        <translation>DoG-Skalen</translation>
    </message>
</context>
<context>
    <name>scnn::app::ExperimentDocument</name>
    <message>
        <source>Untitled</source>
        <translation>Unbenannt</translation>
    </message>
    <message>
        <source>Add convolution layer</source>
        <translation>Faltungsschicht hinzufügen</translation>
    </message>
    <message>
        <source>Add pooling layer</source>
        <translation>Pooling-Schicht hinzufügen</translation>
    </message>
    <message>
        <source>Remove layer %1</source>
        <translation>Schicht %1 entfernen</translation>
    </message>
    <message>
        <source>Move layer %1 up</source>
        <translation>Schicht %1 nach oben verschieben</translation>
    </message>
    <message>
        <source>Move layer %1 down</source>
        <translation>Schicht %1 nach unten verschieben</translation>
    </message>
    <message>
        <source>Set kernel count of layer %1 to %2</source>
        <translation>Kernanzahl von Schicht %1 auf %2 setzen</translation>
    </message>
    <message>
        <source>Set kernel size of layer %1 to %2</source>
        <translation>Kerngröße von Schicht %1 auf %2 setzen</translation>
    </message>
    <message>
        <source>Set stride of layer %1 to %2</source>
        <translation>Schrittweite von Schicht %1 auf %2 setzen</translation>
    </message>
    <message>
        <source>Set %1 of layer %2</source>
        <translation>%1 von Schicht %2 ändern</translation>
    </message>
    <message>
        <source>Set STDP rule of layer %1</source>
        <translation>STDP-Regel von Schicht %1 ändern</translation>
    </message>
    <message>
        <source>Enable inhibition in layer %1</source>
        <translation>Hemmung in Schicht %1 einschalten</translation>
    </message>
    <message>
        <source>Disable inhibition in layer %1</source>
        <translation>Hemmung in Schicht %1 ausschalten</translation>
    </message>
    <message>
        <source>Set inhibition weight of layer %1</source>
        <translation>Hemmungsgewicht von Schicht %1 ändern</translation>
    </message>
    <message>
        <source>Set inhibition delay of layer %1</source>
        <translation>Hemmungsverzögerung von Schicht %1 ändern</translation>
    </message>
    <message>
        <source>Restore defaults of layer %1</source>
        <translation>Standardwerte von Schicht %1 wiederherstellen</translation>
    </message>
    <message>
        <source>Change timing</source>
        <translation>Zeitablauf ändern</translation>
    </message>
    <message>
        <source>Change encoding</source>
        <translation>Kodierung ändern</translation>
    </message>
    <message>
        <source>Restore encoding and timing defaults</source>
        <translation>Standardwerte für Kodierung und Zeitablauf wiederherstellen</translation>
    </message>
    <message>
        <source>Choose data folder</source>
        <translation>Datenordner wählen</translation>
    </message>
    <message>
        <source>Choose dataset</source>
        <translation>Datensatz wählen</translation>
    </message>
    <message>
        <source>Choose classes</source>
        <translation>Klassen wählen</translation>
    </message>
    <message>
        <source>Set training examples per class to %1</source>
        <translation>Trainingsbeispiele pro Klasse auf %1 setzen</translation>
    </message>
    <message>
        <source>Set test examples per class to %1</source>
        <translation>Testbeispiele pro Klasse auf %1 setzen</translation>
    </message>
    <message>
        <source>Set seed to %1</source>
        <translation>Startwert auf %1 setzen</translation>
    </message>
    <message>
        <source>Choose backend %1</source>
        <translation>Backend %1 wählen</translation>
    </message>
    <message>
        <source>Change SpiNNaker settings</source>
        <translation>SpiNNaker-Einstellungen ändern</translation>
    </message>
</context>
<context>
    <name>scnn::app::LayerStackEditor</name>
    <message>
        <source>Add convolution</source>
        <translation>Faltung hinzufügen</translation>
    </message>
    <message>
        <source>Append a convolution layer that learns with STDP</source>
        <translation>Eine Faltungsschicht anhängen, die mit STDP lernt</translation>
    </message>
    <message>
        <source>Add pooling</source>
        <translation>Pooling hinzufügen</translation>
    </message>
    <message>
        <source>Append a max-pooling layer</source>
        <translation>Eine Max-Pooling-Schicht anhängen</translation>
    </message>
    <message>
        <source>Number of kernels (output maps)</source>
        <translation>Anzahl der Kerne (Ausgabekarten)</translation>
    </message>
    <message>
        <source>Kernels</source>
        <translation>Kerne</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>Fenster</translation>
    </message>
    <message>
        <source>Stride</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>Move layer up</source>
        <translation>Schicht nach oben</translation>
    </message>
    <message>
        <source>Move layer down</source>
        <translation>Schicht nach unten</translation>
    </message>
    <message>
        <source>Remove layer</source>
        <translation>Schicht entfernen</translation>
    </message>
    <message>
        <source>Input %1 · %2 pixels</source>
        <translation>Eingabe %1 · %2 Pixel</translation>
    </message>
    <message>
        <source>Total: %1 neurons, %2 synapses</source>
        <translation>Gesamt: %1 Neuronen, %2 Synapsen</translation>
    </message>
    <message>
        <source>%1 · Convolution</source>
        <translation>%1 · Faltung</translation>
    </message>
    <message>
        <source>%1 · Max pooling</source>
        <translation>%1 · Max-Pooling</translation>
    </message>
    <message>
        <source>→ %1</source>
        <translation>→ %1</translation>
    </message>
    <message>
        <source>%1 neurons · %2 synapses</source>
        <translation>%1 Neuronen · %2 Synapsen</translation>
    </message>
    <message>
        <source>→ no output</source>
        <translation>→ keine Ausgabe</translation>
    </message>
</context>
<context>
    <name>scnn::app::LiveSpikeLink</name>
    <message>
        <source>Live spikes: the toolchain&apos;s database is read; waiting for the run</source>
        <translation>Live-Spikes: Datenbank der Toolchain gelesen; warte auf den Lauf</translation>
    </message>
    <message>
        <source>Live spikes: the toolchain&apos;s database could not be read: %1</source>
        <translation>Live-Spikes: Die Datenbank der Toolchain konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Live spikes: the board started</source>
        <translation>Live-Spikes: Das Board läuft</translation>
    </message>
    <message>
        <source>Live spikes: the board stopped</source>
        <translation>Live-Spikes: Das Board hat angehalten</translation>
    </message>
    <message>
        <source>Live spikes: %1 received; dropped %2 malformed packets, %3 unknown keys, %4 from other senders</source>
        <translation>Live-Spikes: %1 empfangen; verworfen: %2 fehlerhafte Pakete, %3 unbekannte Schlüssel, %4 von anderen Absendern</translation>
    </message>
</context>
<context>
    <name>scnn::app::MainWindow</name>
    <message>
        <source>Kernel heatmaps appear here when a layer trains or an experiment with learned weights is opened.</source>
        <translation>Hier erscheinen die Kerne als Heatmaps, sobald eine Schicht trainiert oder ein Experiment mit gelernten Gewichten geöffnet wird.</translation>
    </message>
    <message>
        <source>Kernels</source>
        <translation>Kerne</translation>
    </message>
    <message>
        <source>Weight changes (after − before) appear here while a layer trains.</source>
        <translation>Hier erscheinen die Gewichtsänderungen (nachher − vorher), während eine Schicht trainiert.</translation>
    </message>
    <message>
        <source>Spike raster</source>
        <translation>Spike-Raster</translation>
    </message>
    <message>
        <source>Membrane</source>
        <translation>Membran</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Aktivität</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>Genauigkeit</translation>
    </message>
    <message>
        <source>The confusion matrix appears here after a test.</source>
        <translation>Hier erscheint nach einem Test die Konfusionsmatrix.</translation>
    </message>
    <message>
        <source>Confusion</source>
        <translation>Konfusion</translation>
    </message>
    <message>
        <source>%1 failed</source>
        <translation>%1 fehlgeschlagen</translation>
    </message>
    <message>
        <source>Ready.</source>
        <translation>Bereit.</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Neu</translation>
    </message>
    <message>
        <source>New experiment from the original network</source>
        <translation>Neues Experiment mit dem Originalnetz</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen …</translation>
    </message>
    <message>
        <source>Open an experiment folder</source>
        <translation>Einen Experimentordner öffnen</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Save the experiment</source>
        <translation>Das Experiment speichern</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>Speichern &amp;unter …</translation>
    </message>
    <message>
        <source>&amp;Import Original Weights…</source>
        <translation>Original-Gewichte &amp;importieren …</translation>
    </message>
    <message>
        <source>Import the 2018 package&apos;s model/w_layer_N weight files</source>
        <translation>Die Gewichtsdateien model/w_layer_N des Pakets von 2018 importieren</translation>
    </message>
    <message>
        <source>&amp;Export Plot…</source>
        <translation>Diagramm e&amp;xportieren …</translation>
    </message>
    <message>
        <source>Export the current view as PNG, SVG or PDF</source>
        <translation>Die aktuelle Ansicht als PNG, SVG oder PDF exportieren</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>Run &amp;All</source>
        <translation>&amp;Alles ausführen</translation>
    </message>
    <message>
        <source>Train every layer, the SVM, then test (F5)</source>
        <translation>Alle Schichten und die SVM trainieren, dann testen (F5)</translation>
    </message>
    <message>
        <source>Train &amp;SVM</source>
        <translation>&amp;SVM trainieren</translation>
    </message>
    <message>
        <source>Train the linear SVM readout on the last layer&apos;s spike counts</source>
        <translation>Die lineare SVM-Auslese auf den Spike-Zahlen der letzten Schicht trainieren</translation>
    </message>
    <message>
        <source>&amp;Test</source>
        <translation>&amp;Testen</translation>
    </message>
    <message>
        <source>Classify the test examples and record the accuracy</source>
        <translation>Die Testbeispiele klassifizieren und die Genauigkeit festhalten</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>A&amp;bbrechen</translation>
    </message>
    <message>
        <source>Stop the running phase; the experiment stays as it was (Esc)</source>
        <translation>Die laufende Phase anhalten; das Experiment bleibt unverändert (Esc)</translation>
    </message>
    <message>
        <source>&amp;Presentation Mode</source>
        <translation>&amp;Präsentationsmodus</translation>
    </message>
    <message>
        <source>Large fonts and full-screen views; Space starts and stops (F11)</source>
        <translation>Große Schrift und Vollbildansichten; die Leertaste startet und stoppt (F11)</translation>
    </message>
    <message>
        <source>&amp;About SpikingConvNet Workbench</source>
        <translation>Ü&amp;ber SpikingConvNet Workbench</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>New from &amp;Preset</source>
        <translation>Neu aus &amp;Vorlage</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Panels</source>
        <translation>&amp;Bereiche</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Systemvorgabe</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>Aus&amp;führen</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Haupt</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>Schichten</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Ausführen</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>Phases</source>
        <translation>Phasen</translation>
    </message>
    <message>
        <source>Backend</source>
        <translation>Backend</translation>
    </message>
    <message>
        <source>Embedded simulator</source>
        <translation>Eingebauter Simulator</translation>
    </message>
    <message>
        <source>Where phases run</source>
        <translation>Wo die Phasen laufen</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Train layer %1 with STDP</source>
        <translation>Schicht %1 mit STDP trainieren</translation>
    </message>
    <message>
        <source>&amp;Backend</source>
        <translation>&amp;Backend</translation>
    </message>
    <message>
        <source>Choose at least one class in the Data panel.</source>
        <translation>Wählen Sie im Bereich Daten mindestens eine Klasse.</translation>
    </message>
    <message>
        <source>This build has no training pipeline; phases cannot run.</source>
        <translation>Diese Version hat keine Trainings-Pipeline; Phasen können nicht laufen.</translation>
    </message>
    <message>
        <source>Disabled: %1</source>
        <translation>Gesperrt: %1</translation>
    </message>
    <message>
        <source>Cannot run: %1</source>
        <translation>Ausführen nicht möglich: %1</translation>
    </message>
    <message>
        <source>Layers: %1 · %2 neurons · %3 synapses</source>
        <translation>Schichten: %1 · %2 Neuronen · %3 Synapsen</translation>
    </message>
    <message>
        <source>%1[*] — SpikingConvNet Workbench</source>
        <translation>%1[*] — SpikingConvNet Workbench</translation>
    </message>
    <message>
        <source>%1 (step %2 of %3)</source>
        <translation>%1 (Schritt %2 von %3)</translation>
    </message>
    <message>
        <source>%1 of %2 · %3/s · ETA %4</source>
        <translation>%1 von %2 · %3/s · Rest %4</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <source>The experiment “%1” has changes that are not saved. Save them?</source>
        <translation>Das Experiment „%1“ hat ungespeicherte Änderungen. Speichern?</translation>
    </message>
    <message>
        <source>New experiment: %1</source>
        <translation>Neues Experiment: %1</translation>
    </message>
    <message>
        <source>Open Experiment Folder</source>
        <translation>Experimentordner öffnen</translation>
    </message>
    <message>
        <source>Could not open %1: %2</source>
        <translation>%1 konnte nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>Cannot open experiment</source>
        <translation>Experiment kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Could not open “%1”:
%2</source>
        <translation>„%1“ konnte nicht geöffnet werden:
%2</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>%1 geöffnet</translation>
    </message>
    <message>
        <source>Save Experiment As Folder</source>
        <translation>Experiment als Ordner speichern</translation>
    </message>
    <message>
        <source>Cannot save experiment</source>
        <translation>Experiment kann nicht gespeichert werden</translation>
    </message>
    <message>
        <source>Could not save “%1”:
%2</source>
        <translation>„%1“ konnte nicht gespeichert werden:
%2</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <source>No recent experiments</source>
        <translation>Keine zuletzt geöffneten Experimente</translation>
    </message>
    <message>
        <source>Clear List</source>
        <translation>Liste leeren</translation>
    </message>
    <message>
        <source>Choose Data Folder</source>
        <translation>Datenordner wählen</translation>
    </message>
    <message>
        <source>Import Original Weights: Choose the model Folder</source>
        <translation>Original-Gewichte importieren: Ordner model wählen</translation>
    </message>
    <message>
        <source>Import Original Weights</source>
        <translation>Original-Gewichte importieren</translation>
    </message>
    <message>
        <source>Export Plot</source>
        <translation>Diagramm exportieren</translation>
    </message>
    <message>
        <source>Cannot export plot</source>
        <translation>Diagramm kann nicht exportiert werden</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>%1 exportiert</translation>
    </message>
    <message>
        <source>About SpikingConvNet Workbench</source>
        <translation>Über SpikingConvNet Workbench</translation>
    </message>
    <message>
        <source>&lt;h3&gt;SpikingConvNet Workbench %1&lt;/h3&gt;&lt;p&gt;Design spiking convolutional networks, train them layer by layer with STDP on an embedded simulator or SpiNNaker, read them out with a linear SVM, and watch them learn.&lt;/p&gt;&lt;p&gt;Views library %2. Licensed under the GNU GPL, version 3 or later.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;SpikingConvNet Workbench %1&lt;/h3&gt;&lt;p&gt;Gepulste Faltungsnetze entwerfen, Schicht für Schicht mit STDP auf einem eingebauten Simulator oder auf SpiNNaker trainieren, mit einer linearen SVM auslesen und beim Lernen zusehen.&lt;/p&gt;&lt;p&gt;Ansichten-Bibliothek %2. Lizenziert unter der GNU GPL, Version 3 oder später.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>The accuracy of every test run appears here.</source>
        <translation>Hier erscheint die Genauigkeit jedes Testlaufs.</translation>
    </message>
    <message>
        <source>Inputs</source>
        <translation>Eingaben</translation>
    </message>
    <message>
        <source>Embedded simulator, SpiNNaker arithmetic</source>
        <translation>Eingebauter Simulator, SpiNNaker-Arithmetik</translation>
    </message>
    <message>
        <source>PyNN script: %1</source>
        <translation>PyNN-Skript: %1</translation>
    </message>
    <message>
        <source>Imported %1 weight file(s) from %2</source>
        <translation>%1 Gewichtsdatei(en) aus %2 importiert</translation>
    </message>
    <message>
        <source>Could not import from “%1”:
%2</source>
        <translation>Import aus „%1“ nicht möglich:
%2</translation>
    </message>
    <message>
        <source>&amp;SpiNNaker Settings…</source>
        <translation>&amp;SpiNNaker-Einstellungen…</translation>
    </message>
    <message>
        <source>Board or spalloc server, mapping, Python interpreter, connection test</source>
        <translation>Board oder spalloc-Server, Aufteilung, Python-Interpreter, Verbindungstest</translation>
    </message>
    <message>
        <source>SpiNNaker</source>
        <translation>SpiNNaker</translation>
    </message>
    <message>
        <source>Live spikes: listening for the toolchain on port %1, for spikes on port %2</source>
        <translation>Live-Spikes: warte auf die Toolchain an Port %1, auf Spikes an Port %2</translation>
    </message>
    <message>
        <source>Live spikes are off for this run: %1</source>
        <translation>Live-Spikes sind für diesen Lauf aus: %1</translation>
    </message>
    <message>
        <source>SpiNNaker settings</source>
        <translation>SpiNNaker-Einstellungen</translation>
    </message>
    <message>
        <source>The SpiNNaker settings are not complete:
%1</source>
        <translation>Die SpiNNaker-Einstellungen sind unvollständig:
%1</translation>
    </message>
    <message>
        <source>Train layer %1: %2 images × %3 windows × %4 ms × time scale factor %5 = %6 h</source>
        <translation>Schicht %1 trainieren: %2 Bilder × %3 Fenster × %4 ms × Zeitskalierung %5 = %6 h</translation>
    </message>
    <message>
        <source>On the board: %1</source>
        <translation>Auf dem Board: %1</translation>
    </message>
    <message>
        <source>Long run on SpiNNaker</source>
        <translation>Langer Lauf auf SpiNNaker</translation>
    </message>
    <message>
        <source>Training on the board takes %1 h of real time (mapping and loading not included):</source>
        <translation>Das Training auf dem Board dauert %1 h Echtzeit (ohne Abbilden und Laden):</translation>
    </message>
    <message>
        <source>Start it anyway?</source>
        <translation>Trotzdem starten?</translation>
    </message>
    <message>
        <source>The board run was not started.</source>
        <translation>Der Lauf auf dem Board wurde nicht gestartet.</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>&amp;Rückgängig: %1</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>&amp;Wiederholen: %1</translation>
    </message>
    <message>
        <source>Encoding and Timing</source>
        <translation>Kodierung und Zeitablauf</translation>
    </message>
    <message>
        <source>Kernel heatmaps</source>
        <translation>Kerne als Heatmaps</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Weight change (after − before)</source>
        <translation>Gewichtsänderung (nachher − vorher)</translation>
    </message>
    <message>
        <source>Raster</source>
        <translation>Raster</translation>
    </message>
    <message>
        <source>Input (blue) and kernel (red) spikes of a layer appear here while and after it trains.</source>
        <translation>Eingangs- (blau) und Kern-Spikes (rot) einer Schicht erscheinen hier, während und nachdem sie trainiert.</translation>
    </message>
    <message>
        <source>Membrane potentials</source>
        <translation>Membranpotentiale</translation>
    </message>
    <message>
        <source>Membrane potentials of the first kernels appear here while and after a layer trains.</source>
        <translation>Die Membranpotentiale der ersten Kerne erscheinen hier, während und nachdem eine Schicht trainiert.</translation>
    </message>
    <message>
        <source>Layer activity: spike counts per kernel map</source>
        <translation>Schichtaktivität: Spikes pro Merkmalskarte</translation>
    </message>
    <message>
        <source>Spike counts per kernel map appear here while a layer trains, and for the last layer after the SVM or a test.</source>
        <translation>Die Spikes pro Merkmalskarte erscheinen hier, während eine Schicht trainiert, und für die letzte Schicht nach der SVM oder einem Test.</translation>
    </message>
    <message>
        <source>Accuracy of every test run</source>
        <translation>Genauigkeit jedes Testlaufs</translation>
    </message>
    <message>
        <source>Confusion matrix</source>
        <translation>Konfusionsmatrix</translation>
    </message>
    <message>
        <source>Input images</source>
        <translation>Eingabebilder</translation>
    </message>
    <message>
        <source>The input images appear here once the data are found, and the images being presented while a phase runs.</source>
        <translation>Die Eingabebilder erscheinen hier, sobald die Daten gefunden sind, und während eine Phase läuft die gerade gezeigten Bilder.</translation>
    </message>
    <message>
        <source>The window now uses the new language; the SpiNNaker panel follows when the workbench starts next.</source>
        <translation>Das Fenster verwendet jetzt die neue Sprache; der SpiNNaker-Bereich folgt beim nächsten Start der Werkbank.</translation>
    </message>
    <message>
        <source>A phase is running</source>
        <translation>Eine Phase läuft</translation>
    </message>
    <message>
        <source>Stop the running phase and close? The experiment stays as it was before the phase.</source>
        <translation>Die laufende Phase anhalten und schließen? Das Experiment bleibt, wie es vor der Phase war.</translation>
    </message>
    <message>
        <source>Stop and Close</source>
        <translation>Anhalten und schließen</translation>
    </message>
    <message>
        <source>Keep Running</source>
        <translation>Weiterlaufen lassen</translation>
    </message>
</context>
<context>
    <name>scnn::app::ParameterEditor</name>
    <message>
        <source>Original default: %1%2</source>
        <translation>Originaler Standardwert: %1%2</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>Schicht</translation>
    </message>
    <message>
        <source>Restore defaults</source>
        <translation>Standardwerte wiederherstellen</translation>
    </message>
    <message>
        <source>Set this layer&apos;s parameters to the original package&apos;s values for its depth</source>
        <translation>Die Parameter dieser Schicht auf die Werte des Originalpakets für ihre Tiefe setzen</translation>
    </message>
    <message>
        <source>Pooling layers have no parameters.</source>
        <translation>Pooling-Schichten haben keine Parameter.</translation>
    </message>
    <message>
        <source>Neurons (IF_curr_exp)</source>
        <translation>Neuronen (IF_curr_exp)</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>Rebuild</source>
        <translation>Wiederaufbau</translation>
    </message>
    <message>
        <source>While the layer learns with STDP</source>
        <translation>Während die Schicht mit STDP lernt</translation>
    </message>
    <message>
        <source>When the layer runs with its learned weights</source>
        <translation>Wenn die Schicht mit ihren gelernten Gewichten läuft</translation>
    </message>
    <message>
        <source>Plasticity (STDP)</source>
        <translation>Plastizität (STDP)</translation>
    </message>
    <message>
        <source>Spike pair, additive</source>
        <translation>Spike-Paar, additiv</translation>
    </message>
    <message>
        <source>Multiplicative</source>
        <translation>Multiplikativ</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>Lateral inhibition</source>
        <translation>Laterale Hemmung</translation>
    </message>
    <message>
        <source>Winner takes all among the kernels</source>
        <translation>Der Gewinner nimmt alles unter den Kernen</translation>
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
        <translation>Gewicht</translation>
    </message>
    <message>
        <source>Delay</source>
        <translation>Verzögerung</translation>
    </message>
    <message>
        <source>%1 · Convolution</source>
        <translation>%1 · Faltung</translation>
    </message>
    <message>
        <source>%1 · Max pooling</source>
        <translation>%1 · Max-Pooling</translation>
    </message>
    <message>
        <source>Shared-kernel WTA training (fast, latency-coded)</source>
        <translation>Shared-Kernel-WTA-Training (schnell, latenzkodiert)</translation>
    </message>
    <message>
        <source>Default: %1</source>
        <translation>Standard: %1</translation>
    </message>
    <message>
        <source>A neuron fires once, in the first time bin where the sum of the weights of its inputs that have spiked reaches this (0: never fires). Default: %1</source>
        <translation>Ein Neuron feuert einmal, im ersten Zeitabschnitt, in dem die Summe der Gewichte seiner bereits feuernden Eingänge diesen Wert erreicht (0: feuert nie). Standard: %1</translation>
    </message>
    <message>
        <source>At most this many kernel maps win per image, at most one per map. Default: %1</source>
        <translation>Höchstens so viele Merkmalskarten gewinnen pro Bild, höchstens eine Position pro Karte. Standard: %1</translation>
    </message>
    <message>
        <source>Both rates double every this many images until a⁺ reaches its largest value (0: constant). Default: %1</source>
        <translation>Beide Lernraten verdoppeln sich alle so vielen Bilder, bis a⁺ seinen größten Wert erreicht (0: konstant). Standard: %1</translation>
    </message>
    <message>
        <source>Images the layer learns from (0: all training examples). Default: %1</source>
        <translation>Bilder, aus denen die Schicht lernt (0: alle Trainingsbeispiele). Standard: %1</translation>
    </message>
    <message>
        <source>This layer trains in this mode; the neuron, STDP and inhibition settings below are not used.</source>
        <translation>Diese Schicht trainiert in diesem Modus; die Neuronen-, STDP- und Hemmungseinstellungen unten werden nicht verwendet.</translation>
    </message>
    <message>
        <source>This layer trains in the original windowed mode; these settings apply only in the shared-WTA mode.</source>
        <translation>Diese Schicht trainiert im ursprünglichen Fenstermodus; diese Einstellungen gelten nur im Shared-WTA-Modus.</translation>
    </message>
    <message>
        <source>Firing threshold</source>
        <translation>Feuerschwelle</translation>
    </message>
    <message>
        <source>Σw</source>
        <translation>Σw</translation>
    </message>
    <message>
        <source>Winners per image</source>
        <translation>Gewinner pro Bild</translation>
    </message>
    <message>
        <source>Inhibition radius</source>
        <translation>Hemmungsradius</translation>
    </message>
    <message>
        <source>positions</source>
        <translation>Positionen</translation>
    </message>
    <message>
        <source>Initial a⁺</source>
        <translation>Anfängliches a⁺</translation>
    </message>
    <message>
        <source>Initial a⁻</source>
        <translation>Anfängliches a⁻</translation>
    </message>
    <message>
        <source>Largest a⁺</source>
        <translation>Größtes a⁺</translation>
    </message>
    <message>
        <source>Rates double every</source>
        <translation>Raten verdoppeln alle</translation>
    </message>
    <message>
        <source>images</source>
        <translation>Bilder</translation>
    </message>
    <message>
        <source>Initial weight mean</source>
        <translation>Mittel der Anfangsgewichte</translation>
    </message>
    <message>
        <source>Initial weight spread</source>
        <translation>Streuung der Anfangsgewichte</translation>
    </message>
    <message>
        <source>Training images</source>
        <translation>Trainingsbilder</translation>
    </message>
</context>
<context>
    <name>scnn::app::PipelinePhases</name>
    <message>
        <source>%1 #%2 (%3)</source>
        <translation>%1 #%2 (%3)</translation>
    </message>
    <message>
        <source>training</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>test</source>
        <translation>Test</translation>
    </message>
</context>
<context>
    <name>scnn::app::RunController</name>
    <message>
        <source>Train layer %1</source>
        <translation>Schicht %1 trainieren</translation>
    </message>
    <message>
        <source>Train SVM</source>
        <translation>SVM trainieren</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Testen</translation>
    </message>
    <message>
        <source>Run all</source>
        <translation>Alles ausführen</translation>
    </message>
    <message>
        <source>%1 started</source>
        <translation>%1 gestartet</translation>
    </message>
    <message>
        <source>%1 finished in %2 s</source>
        <translation>%1 in %2 s abgeschlossen</translation>
    </message>
    <message>
        <source>%1 finished in %2 s: %3</source>
        <translation>%1 in %2 s abgeschlossen: %3</translation>
    </message>
    <message>
        <source>%1 cancelled; the experiment is unchanged</source>
        <translation>%1 abgebrochen; das Experiment ist unverändert</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>The running phase was abandoned</source>
        <translation>Die laufende Phase wurde verworfen</translation>
    </message>
</context>
<context>
    <name>scnn::app::RunLimits</name>
    <message>
        <source>Not enough examples</source>
        <translation>Nicht genug Beispiele</translation>
    </message>
    <message>
        <source>The data does not hold the examples asked for:

%1

Lower the examples per class in the Data panel or choose other classes.</source>
        <translation>Die Daten enthalten nicht so viele Beispiele wie verlangt:

%1

Verringern Sie die Beispiele pro Klasse im Bereich Daten oder wählen Sie andere Klassen.</translation>
    </message>
    <message>
        <source>This run may not work out on the embedded simulator:

%1</source>
        <translation>Dieser Lauf klappt auf dem eingebauten Simulator womöglich nicht:

%1</translation>
    </message>
    <message>
        <source>Run anyway?</source>
        <translation>Trotzdem ausführen?</translation>
    </message>
    <message>
        <source>Run Anyway</source>
        <translation>Trotzdem ausführen</translation>
    </message>
</context>
<context>
    <name>scnn::app::RunWorker</name>
    <message>
        <source>out of memory: the phase needed more memory than the computer could give; use fewer examples or a smaller network</source>
        <translation>Speicher erschöpft: die Phase brauchte mehr Speicher, als der Rechner hergeben konnte; verwenden Sie weniger Beispiele oder ein kleineres Netz</translation>
    </message>
</context>
<context>
    <name>scnn::app::SpinnakerPanel</name>
    <message>
        <source>Machine (this computer)</source>
        <translation>Maschine (dieser Rechner)</translation>
    </message>
    <message>
        <source>Board on the network</source>
        <translation>Board im Netzwerk</translation>
    </message>
    <message>
        <source>spalloc server</source>
        <translation>spalloc-Server</translation>
    </message>
    <message>
        <source>Virtual board (no hardware)</source>
        <translation>Virtuelles Board (ohne Hardware)</translation>
    </message>
    <message>
        <source>How sPyNNaker finds its machine</source>
        <translation>Wie sPyNNaker seine Maschine findet</translation>
    </message>
    <message>
        <source>e.g. 192.168.240.253</source>
        <translation>z. B. 192.168.240.253</translation>
    </message>
    <message>
        <source>5: SpiNN-5, 48 chips</source>
        <translation>5: SpiNN-5, 48 Chips</translation>
    </message>
    <message>
        <source>3: SpiNN-3, 4 chips</source>
        <translation>3: SpiNN-3, 4 Chips</translation>
    </message>
    <message>
        <source>e.g. spinnaker.cs.man.ac.uk</source>
        <translation>z. B. spinnaker.cs.man.ac.uk</translation>
    </message>
    <message>
        <source>any</source>
        <translation>beliebig</translation>
    </message>
    <message>
        <source>The network is mapped without hardware; nothing runs. Useful to check that it fits.</source>
        <translation>Das Netz wird ohne Hardware abgebildet; nichts läuft. Nützlich, um zu prüfen, ob es passt.</translation>
    </message>
    <message>
        <source>Board host:</source>
        <translation>Board-Host:</translation>
    </message>
    <message>
        <source>Board version:</source>
        <translation>Board-Version:</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>Server:</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Port:</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>Benutzer:</translation>
    </message>
    <message>
        <source>Machine:</source>
        <translation>Maschine:</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <source>Ask the board who it is (SCP version command; it never boots or changes the board)</source>
        <translation>Das Board fragen, wer es ist (SCP-Versionsbefehl; bootet oder verändert das Board nie)</translation>
    </message>
    <message>
        <source>Mapping (saved with the experiment)</source>
        <translation>Aufteilung (mit dem Experiment gespeichert)</translation>
    </message>
    <message>
        <source>Neurons of one population on one core (at most 256; the original used 100)</source>
        <translation>Neuronen einer Population auf einem Kern (höchstens 256; das Original nutzte 100)</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>How many times slower than real time the board runs (0: sPyNNaker&apos;s default)</source>
        <translation>Wie viel langsamer als Echtzeit das Board läuft (0: Standard von sPyNNaker)</translation>
    </message>
    <message>
        <source>Neurons per core:</source>
        <translation>Neuronen pro Kern:</translation>
    </message>
    <message>
        <source>Time scale factor:</source>
        <translation>Zeitskalierung:</translation>
    </message>
    <message>
        <source>Toolchain (this computer)</source>
        <translation>Toolchain (dieser Rechner)</translation>
    </message>
    <message>
        <source>Python interpreter:</source>
        <translation>Python-Interpreter:</translation>
    </message>
    <message>
        <source>Real time on the board</source>
        <translation>Echtzeit auf dem Board</translation>
    </message>
    <message>
        <source>Default (%1)</source>
        <translation>Standard (%1)</translation>
    </message>
    <message>
        <source>Enter the board&apos;s IP address or host name.</source>
        <translation>Geben Sie die IP-Adresse oder den Hostnamen des Boards ein.</translation>
    </message>
    <message>
        <source>A board host has no spaces and no port: “%1”.</source>
        <translation>Ein Board-Host enthält keine Leerzeichen und keinen Port: „%1“.</translation>
    </message>
    <message>
        <source>Enter the spalloc server&apos;s host name.</source>
        <translation>Geben Sie den Hostnamen des spalloc-Servers ein.</translation>
    </message>
    <message>
        <source>A server name has no spaces and no port (the port has its own field): “%1”.</source>
        <translation>Ein Servername enthält keine Leerzeichen und keinen Port (der Port hat ein eigenes Feld): „%1“.</translation>
    </message>
    <message>
        <source>spalloc needs the user name of your account.</source>
        <translation>spalloc braucht den Benutzernamen Ihres Kontos.</translation>
    </message>
    <message>
        <source>There is no file “%1”.</source>
        <translation>Es gibt keine Datei „%1“.</translation>
    </message>
    <message>
        <source>“%1” is not an executable program.</source>
        <translation>„%1“ ist kein ausführbares Programm.</translation>
    </message>
    <message>
        <source>No program “%1” on the PATH.</source>
        <translation>Kein Programm „%1“ im PATH.</translation>
    </message>
    <message>
        <source>With a timestep of %1 ms the time scale factor must be at least %2: sPyNNaker refuses to run faster than 1 ms of real time per step.</source>
        <translation>Bei einem Zeitschritt von %1 ms muss die Zeitskalierung mindestens %2 sein: sPyNNaker läuft nicht schneller als 1 ms Echtzeit pro Schritt.</translation>
    </message>
    <message>
        <source>IP address or host name of the board (its Ethernet chip)</source>
        <translation>IP-Adresse oder Hostname des Boards (seines Ethernet-Chips)</translation>
    </message>
    <message>
        <source>Host name of the spalloc server</source>
        <translation>Hostname des spalloc-Servers</translation>
    </message>
    <message>
        <source>Your spalloc user name</source>
        <translation>Ihr spalloc-Benutzername</translation>
    </message>
    <message>
        <source>The interpreter that has PyNN and sPyNNaker (or NEST, Brian 2)</source>
        <translation>Der Interpreter mit PyNN und sPyNNaker (oder NEST, Brian 2)</translation>
    </message>
    <message>
        <source>The experiment&apos;s SpiNNaker settings are wrong: %1</source>
        <translation>Die SpiNNaker-Einstellungen des Experiments sind fehlerhaft: %1</translation>
    </message>
    <message>
        <source>about %1</source>
        <translation>etwa %1</translation>
    </message>
    <message>
        <source>Train layer %1: %2 images × %3 windows × %4 ms × time scale %5 = %6 h</source>
        <translation>Schicht %1 trainieren: %2 Bilder × %3 Fenster × %4 ms × Zeitskalierung %5 = %6 h</translation>
    </message>
    <message>
        <source>No layer trains with windows.</source>
        <translation>Keine Schicht trainiert mit Fenstern.</translation>
    </message>
    <message>
        <source>Real time only: mapping, loading and reading back come on top.</source>
        <translation>Nur Echtzeit: Abbilden, Laden und Zurücklesen kommen hinzu.</translation>
    </message>
    <message>
        <source>Enter a board host first; boards from spalloc are allocated for each run.</source>
        <translation>Geben Sie zuerst einen Board-Host ein; Boards von spalloc werden für jeden Lauf zugeteilt.</translation>
    </message>
    <message>
        <source>Asking %1 (port %2) …</source>
        <translation>Frage %1 (Port %2) …</translation>
    </message>
    <message>
        <source>%1 %2 (%3) answered from chip (%4, %5), core %6; built %7.</source>
        <translation>%1 %2 (%3) hat von Chip (%4, %5), Kern %6 geantwortet; erstellt %7.</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Hinweis: %1</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>Keine Antwort</translation>
    </message>
    <message>
        <source>Unreachable</source>
        <translation>Nicht erreichbar</translation>
    </message>
    <message>
        <source>Not a SpiNNaker answer</source>
        <translation>Keine SpiNNaker-Antwort</translation>
    </message>
    <message>
        <source>The board refused</source>
        <translation>Das Board hat abgelehnt</translation>
    </message>
    <message>
        <source>Still booting</source>
        <translation>Bootet noch</translation>
    </message>
    <message>
        <source>Bad address</source>
        <translation>Ungültige Adresse</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>scnn::views::AccuracyChartView</name>
    <message>
        <source>Test accuracy per run</source>
        <translation>Testgenauigkeit pro Lauf</translation>
    </message>
    <message>
        <source>Run %1: %2 %</source>
        <translation>Lauf %1: %2 %</translation>
    </message>
    <message>
        <source>date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>accuracy (%)</source>
        <translation>Genauigkeit (%)</translation>
    </message>
    <message>
        <source>Dates on the x axis</source>
        <translation>Datum auf der x-Achse</translation>
    </message>
    <message>
        <source>test accuracy</source>
        <translation>Testgenauigkeit</translation>
    </message>
</context>
<context>
    <name>scnn::views::ActivityView</name>
    <message>
        <source>spikes per neuron</source>
        <translation>Spikes pro Neuron</translation>
    </message>
    <message>
        <source>Map %1, row %2, column %3: %4 spikes</source>
        <translation>Karte %1, Zeile %2, Spalte %3: %4 Spikes</translation>
    </message>
</context>
<context>
    <name>scnn::views::ConfusionMatrixView</name>
    <message>
        <source>predicted class</source>
        <translation>vorhergesagte Klasse</translation>
    </message>
    <message>
        <source>true class</source>
        <translation>wahre Klasse</translation>
    </message>
    <message>
        <source>precision</source>
        <translation>Präzision</translation>
    </message>
    <message>
        <source>recall</source>
        <translation>Trefferquote</translation>
    </message>
    <message>
        <source>Accuracy %1 (%2 of %3 examples)</source>
        <translation>Genauigkeit %1 (%2 von %3 Beispielen)</translation>
    </message>
    <message>
        <source>No test results</source>
        <translation>Keine Testergebnisse</translation>
    </message>
    <message>
        <source>True class %1 predicted as %2: %3 of %4 examples (%5)
Recall of %1: %6 · precision of %2: %7</source>
        <translation>Wahre Klasse %1 als %2 vorhergesagt: %3 von %4 Beispielen (%5)
Trefferquote von %1: %6 · Präzision von %2: %7</translation>
    </message>
</context>
<context>
    <name>scnn::views::ImageGridView</name>
    <message>
        <source>No images</source>
        <translation>Keine Bilder</translation>
    </message>
</context>
<context>
    <name>scnn::views::KernelGridView</name>
    <message>
        <source>weight</source>
        <translation>Gewicht</translation>
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
        <translation>Gewichtsänderung (nachher − vorher)</translation>
    </message>
    <message>
        <source>, per kernel</source>
        <translation>, pro Kern</translation>
    </message>
    <message>
        <source>weight change: no reference weights</source>
        <translation>Gewichtsänderung: keine Vergleichsgewichte</translation>
    </message>
    <message numerus="yes">
        <source>mean of %n channel(s)</source>
        <translation>
            <numerusform>Mittel über %n Kanal</numerusform>
            <numerusform>Mittel über %n Kanäle</numerusform>
        </translation>
    </message>
    <message>
        <source>channel %1</source>
        <translation>Kanal %1</translation>
    </message>
    <message>
        <source>weight %1</source>
        <translation>Gewicht %1</translation>
    </message>
    <message>
        <source>, before %1, change %2</source>
        <translation>, vorher %1, Änderung %2</translation>
    </message>
    <message>
        <source>Kernel %1, row %2, column %3, %4</source>
        <translation>Kern %1, Zeile %2, Spalte %3, %4</translation>
    </message>
    <message>
        <source>replica %1</source>
        <translation>Replikat %1</translation>
    </message>
    <message>
        <source>Show weight change (after − before)</source>
        <translation>Gewichtsänderung zeigen (nachher − vorher)</translation>
    </message>
    <message>
        <source>Scale each kernel to its own range</source>
        <translation>Jeden Kern auf seinen eigenen Bereich skalieren</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Kanäle</translation>
    </message>
    <message>
        <source>Channel %1</source>
        <translation>Kanal %1</translation>
    </message>
    <message>
        <source>Average of all channels</source>
        <translation>Mittel aller Kanäle</translation>
    </message>
    <message>
        <source>Every channel side by side</source>
        <translation>Alle Kanäle nebeneinander</translation>
    </message>
</context>
<context>
    <name>scnn::views::MembraneTraceView</name>
    <message>
        <source>time (ms)</source>
        <translation>Zeit (ms)</translation>
    </message>
    <message>
        <source>membrane potential (mV)</source>
        <translation>Membranpotential (mV)</translation>
    </message>
    <message>
        <source>threshold</source>
        <translation>Schwelle</translation>
    </message>
    <message>
        <source>reset</source>
        <translation>Rücksetzung</translation>
    </message>
    <message>
        <source>neuron %1</source>
        <translation>Neuron %1</translation>
    </message>
    <message>
        <source>Reset view</source>
        <translation>Ansicht zurücksetzen</translation>
    </message>
</context>
<context>
    <name>scnn::views::PlotExport</name>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG-Bild (*.png)</translation>
    </message>
    <message>
        <source>SVG drawing (*.svg)</source>
        <translation>SVG-Zeichnung (*.svg)</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF-Dokument (*.pdf)</translation>
    </message>
    <message>
        <source>Cannot export to “%1”: unknown file type “.%2”; use .png, .svg or .pdf.</source>
        <translation>Export nach „%1“ nicht möglich: unbekannter Dateityp „.%2“; verwenden Sie .png, .svg oder .pdf.</translation>
    </message>
    <message>
        <source>Cannot export to “%1”: the view has no size (%2×%3 pixels).</source>
        <translation>Export nach „%1“ nicht möglich: die Ansicht hat keine Größe (%2×%3 Pixel).</translation>
    </message>
    <message>
        <source>Cannot export to “%1”: the folder “%2” does not exist or is not writable.</source>
        <translation>Export nach „%1“ nicht möglich: der Ordner „%2“ existiert nicht oder ist nicht beschreibbar.</translation>
    </message>
    <message>
        <source>Cannot export to “%1”: the existing file cannot be replaced.</source>
        <translation>Export nach „%1“ nicht möglich: die vorhandene Datei kann nicht ersetzt werden.</translation>
    </message>
    <message>
        <source>Cannot export to “%1”: an image of %2×%3 pixels is too large.</source>
        <translation>Export nach „%1“ nicht möglich: ein Bild mit %2×%3 Pixeln ist zu groß.</translation>
    </message>
    <message>
        <source>Cannot write the PNG file “%1”.</source>
        <translation>Die PNG-Datei „%1“ kann nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>Exported by SpikingConvNet Workbench</source>
        <translation>Exportiert von SpikingConvNet Workbench</translation>
    </message>
    <message>
        <source>Cannot write the SVG file “%1”.</source>
        <translation>Die SVG-Datei „%1“ kann nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>SpikingConvNet Workbench</source>
        <translation>SpikingConvNet Workbench</translation>
    </message>
    <message>
        <source>Cannot write the PDF file “%1”.</source>
        <translation>Die PDF-Datei „%1“ kann nicht geschrieben werden.</translation>
    </message>
</context>
<context>
    <name>scnn::views::PlotView</name>
    <message>
        <source>plot</source>
        <translation>diagramm</translation>
    </message>
    <message>
        <source>Export view</source>
        <translation>Ansicht exportieren</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren …</translation>
    </message>
</context>
<context>
    <name>scnn::views::SpikeRasterView</name>
    <message>
        <source>pre-synaptic</source>
        <translation>präsynaptisch</translation>
    </message>
    <message>
        <source>post-synaptic</source>
        <translation>postsynaptisch</translation>
    </message>
    <message>
        <source>time (ms)</source>
        <translation>Zeit (ms)</translation>
    </message>
    <message>
        <source>neuron</source>
        <translation>Neuron</translation>
    </message>
    <message>
        <source>Reset view</source>
        <translation>Ansicht zurücksetzen</translation>
    </message>
</context>
</TS>
