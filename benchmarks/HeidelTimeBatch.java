// HeidelTime standalone on many documents in ONE JVM, each document processed on its own
// exactly as the jar's main() does (readConfigFile, a HeidelTimeStandalone with TreeTagger,
// TIMEML output, process(text, dct)), so its output equals one `java -jar ... -dct D -t T doc`
// per document (benchmarks/tempeval.py checks a sample) without a JVM start per document.
//
//   java -cp de.unihd.dbs.heideltime.standalone.jar HeidelTimeBatch.java config.props TYPE manifest.tsv
//
// manifest.tsv: one line per document, "input-path TAB dct (YYYY-MM-DD or -) TAB output-path";
// input and output are UTF-8. A document that fails gets an output file holding "ERROR ...".
import de.unihd.dbs.heideltime.standalone.*;
import de.unihd.dbs.uima.annotator.heideltime.resources.Language;
import java.nio.charset.StandardCharsets;
import java.nio.file.*;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.List;

public class HeidelTimeBatch {
    public static void main(String[] args) throws Exception {
        String config = args[0];
        DocumentType type = DocumentType.valueOf(args[1].toUpperCase());
        List<String> lines = Files.readAllLines(Paths.get(args[2]), StandardCharsets.UTF_8);
        HeidelTimeStandalone.readConfigFile(config);
        HeidelTimeStandalone ht = new HeidelTimeStandalone(Language.ENGLISH, type, OutputType.TIMEML, config,
                                                           POSTagger.TREETAGGER, false);
        SimpleDateFormat fmt = new SimpleDateFormat("yyyy-MM-dd");
        for (String line : lines) {
            if (line.isEmpty()) continue;
            String[] cell = line.split("\t");
            String text = new String(Files.readAllBytes(Paths.get(cell[0])), StandardCharsets.UTF_8);
            String out;
            try {
                Date dct = cell[1].equals("-") ? null : fmt.parse(cell[1]);
                out = dct == null ? ht.process(text) : ht.process(text, dct);
            } catch (Exception e) {
                out = "ERROR " + e;
            }
            Files.write(Paths.get(cell[2]), out.getBytes(StandardCharsets.UTF_8));
            System.out.println(cell[2]);
            System.out.flush();
        }
    }
}
