/**
 * Prints the generated part of docs/DATA.md (results.dataset.DataDictionary.markdown()), for
 * tools/regen-docs.sh: run with the CLI jar on the class path (java -cp cli/target/reconsim.jar
 * tools/src/DataDictionaryMarkdown.java).
 */
public class DataDictionaryMarkdown {
    public static void main(String[] args) {
        System.out.print(org.reconsim.results.dataset.DataDictionary.markdown());
    }
}
