// What a Vue app adds once: the kit's elements among its global components, checked by vue-tsc.
import 'stytch-mfa-elements/vue';
