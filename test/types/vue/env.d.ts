// What a Vue app adds once: the kit's elements among its global components.
import '../../../dist/types/vue.js';
