from directive_graph.cli import main

main()
