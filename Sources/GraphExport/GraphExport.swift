import Lucid
