package io.moldtank.adapters.chain;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.web3j.crypto.Hash;

/** Names the custom error in a revert's return data: the first 4 bytes are keccak of its signature. */
final class RevertReasons {
    private static final List<String> SIGNATURES = List.of(
            // MoldTankEscrow
            "ZeroAmount()", "ZeroAddress()", "DealExists(bytes32)", "DeadlineOutOfRange(uint64)", "NothingReceived()",
            "NotHeld(bytes32,uint8)", "AmountMismatch(uint256,uint256)", "NotPayer(address)", "TooEarly(uint256)",
            "NothingOwed(address)", "LengthMismatch()", "ReentrancyGuardReentrantCall()",
            "AccessControlUnauthorizedAccount(address,bytes32)", "AccessControlBadConfirmation()",
            "SafeERC20FailedOperation(address)",
            // ERC-20 (OpenZeppelin 5) and TestUSDC
            "ERC20InsufficientBalance(address,uint256,uint256)", "ERC20InsufficientAllowance(address,uint256,uint256)",
            "ERC20InvalidReceiver(address)", "ERC20InvalidSender(address)", "AccountBlacklisted(address)",
            "AuthorizationExpired(uint256)", "AuthorizationNotYetValid(uint256)",
            "AuthorizationUsedOrCanceled(address,bytes32)", "InvalidSignature()",
            "Error(string)", "Panic(uint256)");
    private static final Map<String, String> BY_SELECTOR = new HashMap<>();

    static {
        for (String s : SIGNATURES) {
            BY_SELECTOR.put(Hash.sha3String(s).substring(0, 10), s.substring(0, s.indexOf('(')));
        }
    }

    private RevertReasons() {
    }

    /** The error's name, or a description of the raw data when it is not one we know. */
    static String name(String revertData) {
        if (revertData == null || revertData.length() < 10) {
            return "unknown revert (" + revertData + ")";
        }
        String name = BY_SELECTOR.get(revertData.substring(0, 10).toLowerCase(java.util.Locale.ROOT));
        return name != null ? name : "unknown revert " + revertData.substring(0, 10);
    }
}
